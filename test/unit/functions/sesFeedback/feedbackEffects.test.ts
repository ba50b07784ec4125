import { describe, expect, it } from 'vitest';
import { feedbackEffects, LAST_ERROR_MAX_LENGTH } from '../../../../functions/sesFeedback/feedbackEffects';
import { parseFeedback } from '../../../../functions/sesFeedback/parseFeedback';
import { bounceRecord, complaintRecord, deliveryRecord, mail, rejectRecord } from './sesRecords';

const sesMessageId = mail().messageId;

const plan = (record: unknown) => feedbackEffects(parseFeedback(JSON.stringify(record)));

describe('what SES feedback changes', () => {
  it('suppresses a hard-bounced address and marks the invitation’s attendee BOUNCED with the diagnostic', () => {
    expect(plan(bounceRecord())).toEqual({
      eventId: 'evt-1',
      effects: [
        { kind: 'suppress', email: 'ada@example.com', reason: 'BOUNCED' },
        { kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: 'BOUNCED', lastError: 'Permanent bounce (General): smtp; 550 5.1.1 user unknown', sesMessageId },
      ],
    });
  });

  it('suppresses every recipient of a bounce that lists several', () => {
    const effects = plan(bounceRecord({ recipients: [{ emailAddress: 'a@example.com' }, { emailAddress: 'b@example.com' }] })).effects;
    expect(effects.filter((e) => e.kind === 'suppress').map((e) => e.email)).toEqual(['a@example.com', 'b@example.com']);
    expect(effects.filter((e) => e.kind === 'attendee').map((e) => e.email)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('suppresses addresses SES already suppresses (bounce subtypes Suppressed, OnAccountSuppressionList)', () => {
    for (const bounceSubType of ['Suppressed', 'OnAccountSuppressionList']) {
      expect(plan(bounceRecord({ bounceSubType })).effects[0]).toEqual({ kind: 'suppress', email: 'ada@example.com', reason: 'BOUNCED' });
    }
  });

  it('only notes a transient or undetermined bounce on the attendee: the address may work next time', () => {
    expect(plan(bounceRecord({ bounceType: 'Transient', bounceSubType: 'MailboxFull', recipients: [{ emailAddress: 'ada@example.com', diagnosticCode: 'smtp; 452 4.2.2 mailbox full' }] })).effects).toEqual([
      { kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: null, lastError: 'Transient bounce (MailboxFull): smtp; 452 4.2.2 mailbox full', sesMessageId },
    ]);
    expect(plan(bounceRecord({ bounceType: 'Undetermined', bounceSubType: 'Undetermined' })).effects).toEqual([
      expect.objectContaining({ kind: 'attendee', state: null, lastError: expect.stringMatching(/^Undetermined bounce/) }),
    ]);
  });

  it('suppresses a complaining address and marks the attendee COMPLAINED', () => {
    expect(plan(complaintRecord()).effects).toEqual([
      { kind: 'suppress', email: 'ada@example.com', reason: 'COMPLAINED' },
      { kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: 'COMPLAINED', lastError: 'Complaint (abuse): the recipient reported the mail as spam', sesMessageId },
    ]);
  });

  it('takes a not-spam report for what it is: no complaint', () => {
    expect(plan(complaintRecord({ feedbackType: 'not-spam' }))).toMatchObject({ effects: [], note: expect.stringContaining('not-spam') });
  });

  it('suppresses on mail that is not an invitation, without touching any attendee', () => {
    const notice = { 'notice-kind': ['EVENT_CREATED'] };
    expect(plan(bounceRecord({ tags: notice })).effects).toEqual([{ kind: 'suppress', email: 'ada@example.com', reason: 'BOUNCED' }]);
    expect(plan(complaintRecord({ tags: notice })).effects).toEqual([{ kind: 'suppress', email: 'ada@example.com', reason: 'COMPLAINED' }]);
    expect(plan(bounceRecord({ tags: notice, bounceType: 'Transient' })).effects).toEqual([]);
  });

  it('marks no attendee when an invitation names no event, or a tag twice', () => {
    expect(plan(bounceRecord({ tags: { purpose: ['invitation'] } })).effects.map((e) => e.kind)).toEqual(['suppress']);
    expect(plan(bounceRecord({ tags: { purpose: ['invitation'], eventId: ['a', 'b'] } })).effects.map((e) => e.kind)).toEqual(['suppress']);
  });

  it('notes a Reject on the attendee and suppresses nothing (SES refused the content, not the address)', () => {
    expect(plan(rejectRecord()).effects).toEqual([{ kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: null, lastError: 'Rejected by SES: Bad content', sesMessageId }]);
  });

  it('changes nothing for a delivery', () => {
    expect(plan(deliveryRecord())).toMatchObject({ effects: [], note: 'Delivery events change nothing' });
  });

  it('cuts a long diagnostic', () => {
    const diagnosticCode = `smtp; 550 ${'x'.repeat(2000)}`;
    const attendee = plan(bounceRecord({ recipients: [{ emailAddress: 'ada@example.com', diagnosticCode }] })).effects[1];
    expect(attendee?.kind === 'attendee' && attendee.lastError.length).toBe(LAST_ERROR_MAX_LENGTH);
  });
});
