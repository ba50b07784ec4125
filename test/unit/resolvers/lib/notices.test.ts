import { describe, expect, it } from 'vitest';
import { NOTICE_TTL_SECONDS, refusalNotice } from '../../../../resolvers/lib/notices';

describe('refusalNotice', () => {
  const facts = { organizerId: 'o1', noticeId: 'n1', now: '2030-01-01T00:00:00.000Z', nowEpochSeconds: 1_893_456_000 };

  it('keys the notice under the organizer, by time, and expires it after 30 days', () => {
    const notice = refusalNotice({ errorType: 'LimitExceeded', message: 'At the limit.', errorInfo: { limit: 'maxActiveEvents' }, operation: 'createEvent' }, facts);
    expect(notice).toMatchObject({ pk: 'organizer#o1', sk: 'notice#2030-01-01T00:00:00.000Z#n1', kind: 'REQUEST_REFUSED', organizerId: 'o1' });
    expect(notice.expiresAt).toBe(facts.nowEpochSeconds + NOTICE_TTL_SECONDS);
  });

  it('says in plain words what was refused and why, and keeps the machine-readable facts', () => {
    const notice = refusalNotice(
      { errorType: 'Unauthorized', message: 'Your organizer account is suspended.', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, operation: 'cancelEvent', eventId: 'e9', eventTitle: 'Gala' },
      facts,
    );
    expect(notice.subject).toBe('Your request to cancel an event was refused');
    expect(notice.message).toBe('Your request to cancel an event ("Gala") was refused: Your organizer account is suspended.');
    expect(notice.details).toEqual({ operation: 'cancelEvent', errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, eventId: 'e9' });
  });
});
