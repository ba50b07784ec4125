import { describe, expect, it } from 'vitest';
import { planMail, suppressionReason, type MailFacts } from '../../../../functions/inviteDispatcher/planMail';
import { INVITED_AT, makeAttendee, makeDispatch, makeEvent, makeRemoval, makeSuppression, ORGANIZER_ID } from './dispatchFixtures';

function facts(overrides: Partial<MailFacts> = {}): MailFacts {
  return { event: makeEvent(), attendee: makeAttendee(), suppression: null, ...overrides };
}

const cancelled = makeEvent({ status: 'CANCELLED', sequence: 3, cancelReason: 'Venue flooded', cancelledAt: '2030-01-04T10:00:00.000Z' });

describe('planMail: REQUEST INVITED / UPDATED', () => {
  it('sends the first mail as an invitation, one claim per event, address, invitation, method and SEQUENCE', () => {
    expect(planMail(makeDispatch(), facts())).toEqual({
      action: 'send',
      event: makeEvent(),
      kind: 'invitation',
      sequence: 0,
      attendee: { email: 'grace@example.com', name: 'Grace Hopper' },
      mailId: `evt-1/grace@example.com/${INVITED_AT}/REQUEST/0`,
    });
  });

  it('sends a late invitation with the event’s current SEQUENCE and content', () => {
    const event = makeEvent({ sequence: 2, title: 'Launch party (moved)' });
    const plan = planMail(makeDispatch({ sequence: 0 }), facts({ event }));
    expect(plan).toMatchObject({ action: 'send', kind: 'invitation', sequence: 2, event, mailId: `evt-1/grace@example.com/${INVITED_AT}/REQUEST/2` });
  });

  it('gives an invitation and an update queued for the same SEQUENCE one claim between them', () => {
    const event = makeEvent({ sequence: 2 });
    const invited = planMail(makeDispatch({ sequence: 0 }), facts({ event }));
    const updated = planMail(makeDispatch({ reason: 'UPDATED', sequence: 2 }), facts({ event }));
    expect(invited.action === 'send' && updated.action === 'send' && invited.mailId === updated.mailId).toBe(true);
  });

  it('keys the claim by the normalized address, whatever the message’s spelling', () => {
    const plan = planMail(makeDispatch({ email: ' Grace@Example.COM ' }), facts());
    expect(plan).toMatchObject({ mailId: `evt-1/grace@example.com/${INVITED_AT}/REQUEST/0`, attendee: { email: 'grace@example.com' } });
  });

  it('sends an update once the attendee has had a mail', () => {
    const attendee = makeAttendee({ delivery: { state: 'SENT', attempts: 1, sequence: 0, messageId: 'ses-1', sentAt: INVITED_AT } });
    expect(planMail(makeDispatch({ reason: 'UPDATED', sequence: 1 }), facts({ event: makeEvent({ sequence: 1 }), attendee }))).toMatchObject({ action: 'send', kind: 'update', sequence: 1 });
  });

  it('gives a re-invited attendee a new claim (a new invitation)', () => {
    const again = makeAttendee({ invitedAt: '2030-01-05T10:00:00.000Z' });
    expect(planMail(makeDispatch(), facts({ attendee: again }))).toMatchObject({ mailId: 'evt-1/grace@example.com/2030-01-05T10:00:00.000Z/REQUEST/0' });
  });

  it('sends nothing for a cancelled event, a removed attendee or a deleted event', () => {
    expect(planMail(makeDispatch(), facts({ event: cancelled }))).toEqual({ action: 'skip', reason: 'the event is cancelled' });
    expect(planMail(makeDispatch({ reason: 'UPDATED' }), facts({ attendee: null }))).toEqual({ action: 'skip', reason: 'no longer an attendee' });
    expect(planMail(makeDispatch(), facts({ event: null }))).toEqual({ action: 'skip', reason: 'the event no longer exists' });
  });
});

describe('planMail: CANCEL EVENT_CANCELLED', () => {
  const message = makeDispatch({ kind: 'CANCEL', reason: 'EVENT_CANCELLED', sequence: 3 });

  it('sends the cancellation to every attendee, declined ones too, with the event’s SEQUENCE', () => {
    for (const status of ['NEEDS_ACTION', 'ACCEPTED', 'TENTATIVE', 'DECLINED'] as const) {
      expect(planMail(message, facts({ event: cancelled, attendee: makeAttendee({ status }) }))).toMatchObject({
        action: 'send',
        kind: 'cancellation',
        sequence: 3,
        mailId: `evt-1/grace@example.com/${INVITED_AT}/CANCEL/3`,
      });
    }
  });

  it('sends nothing when the event is not cancelled or the attendee is gone', () => {
    expect(planMail(message, facts())).toEqual({ action: 'skip', reason: 'the event is not cancelled' });
    expect(planMail(message, facts({ event: cancelled, attendee: null }))).toEqual({ action: 'skip', reason: 'no longer an attendee' });
  });
});

describe('planMail: CANCEL REMOVED', () => {
  it('cancels the removed attendee’s place, named as the message names them, with the SEQUENCE it carries', () => {
    expect(planMail(makeRemoval(), facts({ attendee: null }))).toEqual({
      action: 'send',
      event: makeEvent(),
      kind: 'cancellation',
      sequence: 1,
      attendee: { email: 'grace@example.com', name: 'Grace Hopper' },
      mailId: `evt-1/grace@example.com/${INVITED_AT}/CANCEL/1`,
    });
  });

  it('uses the event’s SEQUENCE when it has grown past the message’s', () => {
    expect(planMail(makeRemoval({ sequence: 1 }), facts({ event: makeEvent({ sequence: 4 }), attendee: null }))).toMatchObject({ sequence: 4, mailId: `evt-1/grace@example.com/${INVITED_AT}/CANCEL/4` });
  });

  it('is skipped when the person was invited again since', () => {
    const again = makeAttendee({ invitedAt: '2030-01-05T10:00:00.000Z' });
    expect(planMail(makeRemoval(), facts({ attendee: again }))).toEqual({ action: 'skip', reason: 'invited again since the removal' });
  });

  it('gives each removal its own claim: removed, invited again, removed again', () => {
    const first = planMail(makeRemoval(), facts({ attendee: null }));
    const second = planMail(makeRemoval({ invitedAt: '2030-01-05T10:00:00.000Z' }), facts({ attendee: null }));
    expect(first.action === 'send' && second.action === 'send' && first.mailId !== second.mailId).toBe(true);
  });

  it('sends nothing when the event is gone', () => {
    expect(planMail(makeRemoval(), facts({ event: null, attendee: null }))).toEqual({ action: 'skip', reason: 'the event no longer exists' });
  });
});

describe('planMail: suppressed addresses', () => {
  it('suppresses every kind of mail to a bounced, complaining or unsubscribed address', () => {
    const cases: [MailFacts['suppression'], string][] = [
      [makeSuppression({ reason: 'BOUNCED' }), 'mail to this address bounced'],
      [makeSuppression({ reason: 'COMPLAINED' }), 'this address marked our mail as spam'],
      [makeSuppression({ unsubscribedFrom: ['org-0', ORGANIZER_ID] }), "this address unsubscribed from the organizer's invitations"],
    ];
    for (const [suppression, reason] of cases) {
      expect(planMail(makeDispatch(), facts({ suppression }))).toEqual({ action: 'suppress', reason });
      expect(planMail(makeDispatch({ kind: 'CANCEL', reason: 'EVENT_CANCELLED' }), facts({ event: cancelled, suppression }))).toEqual({ action: 'suppress', reason });
      expect(planMail(makeRemoval(), facts({ attendee: null, suppression }))).toEqual({ action: 'suppress', reason });
    }
  });

  it('still sends to an address that unsubscribed from another organizer only', () => {
    expect(planMail(makeDispatch(), facts({ suppression: makeSuppression({ unsubscribedFrom: ['org-2'] }) }))).toMatchObject({ action: 'send' });
    expect(suppressionReason(makeSuppression({ unsubscribedFrom: ['org-2'] }), ORGANIZER_ID)).toBeNull();
    expect(suppressionReason(makeSuppression(), ORGANIZER_ID)).toBeNull();
    expect(suppressionReason(null, ORGANIZER_ID)).toBeNull();
  });

  it('skips before it suppresses: a gone attendee is not recorded as suppressed', () => {
    expect(planMail(makeDispatch(), facts({ attendee: null, suppression: makeSuppression({ reason: 'BOUNCED' }) }))).toMatchObject({ action: 'skip' });
  });
});
