import { TooManyRequestsException, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { dispatchMail, DISPATCHER_CONSUMER } from '../../../../functions/inviteDispatcher/dispatchMail';
import { PermanentError } from '../../../../functions/lib/errors';
import { readAttendeeToken, readUnsubscribeToken } from '../../../../functions/lib/tokens/attendeeTokens';
import type { DispatchMessage } from '../../../../resolvers/lib/dispatch';
import { readCalendar } from '../lib/calendar/itipFixtures';
import { INVITED_AT, makeAttendee, makeDispatch, makeEvent, makeRemoval, makeSuppression, ORGANIZER_ID } from './dispatchFixtures';
import { CONFIG, fakePorts, KEY, NOW } from './fakeDispatchPorts';

const MAIL_ID = `evt-1/grace@example.com/${INVITED_AT}/REQUEST/0`;

function dispatch(f: ReturnType<typeof fakePorts>, message: DispatchMessage = makeDispatch()) {
  return dispatchMail(JSON.stringify(message), CONFIG, f.ports, f.log);
}

/** The raw mail SES was asked to send, parsed, with its calendar object. */
async function mailOf(input: SendEmailCommandInput): Promise<{ mail: ParsedMail; calendar: ICAL.Component; event: ICAL.Component }> {
  const mail = await simpleParser(Buffer.from(input.Content!.Raw!.Data!));
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar')!;
  return { mail, ...readCalendar(part.content.toString('utf8')) };
}

describe('dispatching an invitation', () => {
  it('claims the mail, sends it from the sender to the attendee alone, marks the claim SENT and records it on the attendee', async () => {
    const f = fakePorts();
    expect(await dispatch(f)).toMatchObject({ outcome: 'sent', sesMessageId: 'ses-1', mailId: MAIL_ID, message: makeDispatch() });
    expect(f.ports.claim).toHaveBeenCalledWith({ table: 'table', consumer: DISPATCHER_CONSUMER, messageId: MAIL_ID, token: 'token-1', nowMs: NOW, leaseMs: 40_000 });
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]).toMatchObject({ FromEmailAddress: 'invites@calendar.example', Destination: { ToAddresses: ['grace@example.com'] } });
    expect(f.sent[0]!.Destination).toEqual({ ToAddresses: ['grace@example.com'] });
    expect(f.sent[0]!.EmailTags).toEqual([
      { Name: 'purpose', Value: 'invitation' },
      { Name: 'eventId', Value: 'evt-1' },
      { Name: 'organizerId', Value: ORGANIZER_ID },
    ]);
    expect(f.claims.get(MAIL_ID)).toMatchObject({ status: 'SENT', sesMessageId: 'ses-1' });
    expect(f.recorded).toEqual([{ state: 'SENT', sequence: 0, messageId: 'ses-1', sentAt: '2030-01-06T09:00:00.000Z' }]);
  });

  it('sends raw MIME that reads as a METHOD:REQUEST invitation with the attendee’s RSVP link and one-click unsubscribe', async () => {
    const f = fakePorts();
    await dispatch(f);
    const { mail, calendar, event } = await mailOf(f.sent[0]!);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('summary')).toBe('Launch party');
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:grace@example.com');
    expect(mail.subject).toMatch(/^Invitation: Launch party/);
    expect((mail.to as { value: { address: string }[] }).value.map((a) => a.address)).toEqual(['grace@example.com']);

    const rsvp = [...mail.text!.matchAll(/https:\/\/links\.calendar\.example\/rsvp\/([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
    expect(rsvp.length).toBeGreaterThan(0);
    expect(new Set(rsvp).size).toBe(1);
    expect(readAttendeeToken(KEY, rsvp[0]!)).toEqual({ eventId: 'evt-1', email: 'grace@example.com' });
    expect(mail.text).toContain(`https://links.calendar.example/rsvp/${rsvp[0]}?answer=yes`);

    const list = mail.headers.get('list') as { unsubscribe: { url: string } };
    const unsubscribe = /^https:\/\/links\.calendar\.example\/unsubscribe\/([A-Za-z0-9_.-]+)$/.exec(list.unsubscribe.url);
    expect(readUnsubscribeToken(KEY, unsubscribe![1]!)).toEqual({ organizerId: ORGANIZER_ID, email: 'grace@example.com' });
  });

  it('never sends the same mail twice when SQS delivers the message again', async () => {
    const f = fakePorts();
    await dispatch(f);
    expect(await dispatch(f)).toMatchObject({ outcome: 'duplicate', reason: 'this mail (SEQUENCE 0) was sent already' });
    expect(f.sent).toHaveLength(1);
    expect(f.recorded).toHaveLength(1);
  });

  it('sends nothing for a claim already done (SENT or DROPPED)', async () => {
    const f = fakePorts({}, { existing: 'done' });
    expect(await dispatch(f)).toMatchObject({ outcome: 'duplicate' });
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.ports.recordDelivery).not.toHaveBeenCalled();
  });

  it('sends one mail per attendee per SEQUENCE: an invitation and an update queued for it send once', async () => {
    const f = fakePorts({ event: makeEvent({ sequence: 2 }) });
    expect(await dispatch(f, makeDispatch({ sequence: 0 }))).toMatchObject({ outcome: 'sent', mailId: `evt-1/grace@example.com/${INVITED_AT}/REQUEST/2` });
    expect(await dispatch(f, makeDispatch({ reason: 'UPDATED', sequence: 2, email: 'GRACE@example.com' }))).toMatchObject({ outcome: 'duplicate' });
    expect(f.sent).toHaveLength(1);
  });

  it('sends a late invitation with the event’s current SEQUENCE and content', async () => {
    const f = fakePorts({ event: makeEvent({ sequence: 3, title: 'Launch party, moved', location: 'Lyon' }) });
    expect(await dispatch(f, makeDispatch({ sequence: 0 }))).toMatchObject({ outcome: 'sent' });
    const { mail, event } = await mailOf(f.sent[0]!);
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstPropertyValue('summary')).toBe('Launch party, moved');
    expect(event.getFirstPropertyValue('location')).toBe('Lyon');
    expect(mail.subject).toMatch(/^Invitation: Launch party, moved/);
    expect(f.recorded).toEqual([expect.objectContaining({ state: 'SENT', sequence: 3 })]);
  });

  it('sends an update to an attendee who has had a mail', async () => {
    const attendee = makeAttendee({ delivery: { state: 'SENT', attempts: 1, sequence: 0, messageId: 'ses-0', sentAt: INVITED_AT } });
    const f = fakePorts({ event: makeEvent({ sequence: 1, title: 'Launch party, later' }), attendee });
    await dispatch(f, makeDispatch({ reason: 'UPDATED', sequence: 1 }));
    const { mail, calendar, event } = await mailOf(f.sent[0]!);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    expect(mail.subject).toMatch(/^Updated invitation: Launch party, later/);
  });

  it('sends nothing for an invitation to an event cancelled meanwhile', async () => {
    const f = fakePorts({ event: makeEvent({ status: 'CANCELLED', sequence: 1 }) });
    expect(await dispatch(f)).toMatchObject({ outcome: 'skipped', reason: 'the event is cancelled' });
    expect(f.ports.claim).not.toHaveBeenCalled();
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.ports.recordDelivery).not.toHaveBeenCalled();
  });
});

describe('dispatching a cancellation', () => {
  const cancelled = makeEvent({ status: 'CANCELLED', sequence: 2, cancelReason: 'The venue is flooded.', cancelledAt: '2030-01-05T10:00:00.000Z' });
  const message = makeDispatch({ kind: 'CANCEL', reason: 'EVENT_CANCELLED', sequence: 2 });

  it('sends METHOD:CANCEL with the organizer’s reason to a declined attendee too, and records it', async () => {
    const f = fakePorts({ event: cancelled, attendee: makeAttendee({ status: 'DECLINED' }) });
    expect(await dispatch(f, message)).toMatchObject({ outcome: 'sent', mailId: `evt-1/grace@example.com/${INVITED_AT}/CANCEL/2` });
    const { mail, calendar, event } = await mailOf(f.sent[0]!);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(mail.text).toContain('The venue is flooded.');
    expect(mail.text).not.toContain('/rsvp/');
    expect(f.recorded).toEqual([expect.objectContaining({ state: 'SENT', sequence: 2 })]);
  });

  it('cancels a removed attendee’s place, saying why, and never records it on an attendee', async () => {
    const f = fakePorts({ attendee: null });
    expect(await dispatch(f, makeRemoval())).toMatchObject({ outcome: 'sent', mailId: `evt-1/grace@example.com/${INVITED_AT}/CANCEL/1` });
    const { mail, calendar, event } = await mailOf(f.sent[0]!);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    expect(mail.text).toContain('You were removed from the guest list.');
    expect((mail.to as { value: { name: string }[] }).value[0]!.name).toBe('Grace Hopper');
    expect(f.ports.recordDelivery).not.toHaveBeenCalled();
  });

  it('skips a removal’s cancellation when the person was invited again since', async () => {
    const f = fakePorts({ attendee: makeAttendee({ invitedAt: '2030-01-05T12:00:00.000Z' }) });
    expect(await dispatch(f, makeRemoval())).toMatchObject({ outcome: 'skipped', reason: 'invited again since the removal' });
    expect(f.ports.claim).not.toHaveBeenCalled();
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.ports.recordDelivery).not.toHaveBeenCalled();
  });
});

describe('dispatching to a suppressed address', () => {
  it.each([
    ['bounced', makeSuppression({ reason: 'BOUNCED' })],
    ['complained', makeSuppression({ reason: 'COMPLAINED' })],
    ['unsubscribed from this organizer', makeSuppression({ unsubscribedFrom: [ORGANIZER_ID] })],
  ])('sends nothing to an address that %s, and records the attendee SUPPRESSED', async (_why, suppression) => {
    const f = fakePorts({ suppression });
    const result = await dispatch(f);
    expect(result).toMatchObject({ outcome: 'suppressed' });
    expect(f.ports.claim).not.toHaveBeenCalled();
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.recorded).toEqual([{ state: 'SUPPRESSED', lastError: (result as { reason: string }).reason }]);
  });

  it('still sends to an address unsubscribed from another organizer only', async () => {
    const f = fakePorts({ suppression: makeSuppression({ unsubscribedFrom: ['org-2'] }) });
    expect(await dispatch(f)).toMatchObject({ outcome: 'sent' });
    expect(f.sent).toHaveLength(1);
  });

  it('records nothing for a removed attendee’s suppressed cancellation', async () => {
    const f = fakePorts({ attendee: null, suppression: makeSuppression({ reason: 'BOUNCED' }) });
    expect(await dispatch(f, makeRemoval())).toMatchObject({ outcome: 'suppressed' });
    expect(f.ports.recordDelivery).not.toHaveBeenCalled();
  });
});

describe('when sending fails', () => {
  it('drops what SES refuses for good: the claim DROPPED, the attendee FAILED with the reason', async () => {
    const f = fakePorts({}, { sendError: new PermanentError('SES refused the message: MessageRejected: Email address is not verified.') });
    expect(await dispatch(f)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('MessageRejected') });
    expect(f.ports.finish).toHaveBeenCalledWith(expect.objectContaining({ messageId: MAIL_ID }), 'DROPPED', { reason: expect.stringContaining('MessageRejected') });
    expect(f.claims.get(MAIL_ID)?.status).toBe('DROPPED');
    expect(f.ports.release).not.toHaveBeenCalled();
    expect(f.recorded).toEqual([{ state: 'FAILED', lastError: expect.stringContaining('MessageRejected') }]);
    expect(await dispatch(f)).toMatchObject({ outcome: 'duplicate' });
  });

  it('drops a mail that cannot be composed (an address no mail can carry) the same way', async () => {
    const f = fakePorts({ attendee: makeAttendee({ email: 'grace@exa mple.com' }) });
    expect(await dispatch(f, makeDispatch({ email: 'grace@exa mple.com' }))).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('not a plain email address') });
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.recorded).toEqual([{ state: 'FAILED', lastError: expect.stringContaining('not a plain email address') }]);
  });

  it('retries a transient failure: the claim released (so the retry can send), the error and the attempt recorded', async () => {
    const f = fakePorts({}, { sendError: Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }) });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', reason: 'TimeoutError: socket hang up', throttled: false });
    expect(f.ports.release).toHaveBeenCalledWith(expect.objectContaining({ messageId: MAIL_ID, token: 'token-1' }));
    expect(f.claims.size).toBe(0);
    expect(f.recorded).toEqual([{ state: null, lastError: 'TimeoutError: socket hang up' }]);
    expect(f.ports.finish).not.toHaveBeenCalled();
  });

  it('says a retry was for SES’s sending rate, so the handler can stop the batch', async () => {
    const f = fakePorts({}, { sendError: new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} }) });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', throttled: true, reason: 'TooManyRequestsException: Maximum sending rate exceeded.' });
    expect(f.claims.size).toBe(0);
  });

  it('still asks for the retry when the claim cannot be released (it then waits for its lease to run out)', async () => {
    const f = fakePorts({}, { sendError: new Error('socket hang up'), releaseError: new Error('throttled') });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', reason: 'Error: socket hang up' });
    expect(f.log).toHaveBeenCalledWith('WARN', 'mail claim not released', { eventId: 'evt-1', sequence: 0, error: 'Error: throttled' });
  });

  it('records nothing on an attendee for a removed attendee’s failed cancellation', async () => {
    for (const sendError of [new PermanentError('refused'), new Error('socket hang up')]) {
      const f = fakePorts({ attendee: null }, { sendError });
      await dispatch(f, makeRemoval());
      expect(f.ports.recordDelivery).not.toHaveBeenCalled();
    }
  });
});

describe('the other steps failing', () => {
  it('drops a malformed message without reading the table', async () => {
    const f = fakePorts();
    expect(await dispatchMail('{"kind":"REQUEST"}', CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('reason must be') });
    expect(await dispatchMail('not json', CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('not JSON') });
    expect(f.ports.facts).not.toHaveBeenCalled();
  });

  it('retries when the table cannot be read, sending nothing', async () => {
    const f = fakePorts({}, { factsError: new Error('socket hang up') });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('reading the table failed') });
    expect(f.ports.claim).not.toHaveBeenCalled();
  });

  it('retries when the claim cannot be written, sending nothing', async () => {
    const f = fakePorts({}, { claimError: new Error('ProvisionedThroughputExceededException') });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('claim failed') });
    expect(f.ports.send).not.toHaveBeenCalled();
  });

  it('retries while another receive of the same message holds the claim', async () => {
    const f = fakePorts({}, { existing: 'inProgress' });
    expect(await dispatch(f)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('another receive') });
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.ports.release).not.toHaveBeenCalled();
  });

  it('counts a sent mail as sent even when marking the claim or the attendee fails: a retry would only send it twice', async () => {
    const f = fakePorts({}, { finishError: new Error('throttled'), recordError: new Error('throttled') });
    expect(await dispatch(f)).toMatchObject({ outcome: 'sent' });
    expect(f.ports.release).not.toHaveBeenCalled();
    expect(f.log).toHaveBeenCalledWith('WARN', 'mail claim not marked', expect.objectContaining({ status: 'SENT' }));
    expect(f.log).toHaveBeenCalledWith('WARN', 'delivery not recorded on the attendee', expect.objectContaining({ state: 'SENT' }));
    expect(JSON.stringify(f.log.mock.calls)).not.toContain('grace@');
  });
});
