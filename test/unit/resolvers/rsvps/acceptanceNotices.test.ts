import { describe, expect, it } from 'vitest';
import { storedNotice } from '../../../../functions/streamPublisher/storedNotice';
import { acceptanceWindowKey, noticeKey } from '../../../../resolvers/lib/keys';
import { acceptanceDigestNotice, acceptedNotice, NOTICE_TTL_SECONDS } from '../../../../resolvers/lib/notices';
import { toOrganizer } from '../../../../resolvers/lib/organizers';
import type { AcceptanceEntry, AcceptanceWindowRecord, OrganizerRecord } from '../../../../resolvers/lib/records';
import { ACCEPTANCE_DIGEST_LIMITS, acceptanceEntry, acceptanceNoticesOf, digestWindow, isNewAcceptance, windowUpdate } from '../../../../resolvers/lib/rsvps';
import { schemaErrors } from '../../../helpers/topicSchemas';

const ADA: AcceptanceEntry = {
  eventId: 'evt-1',
  eventTitle: 'Team offsite',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  comment: 'See you there',
  via: 'EMAIL',
  answeredAt: '2030-01-06T09:00:00.000Z',
};
const FACTS = { organizerId: 'org-1', noticeId: 'n-1', now: '2030-01-06T09:00:00.000Z', nowEpochSeconds: 1_893_920_400 };

describe('which answers tell the organizer of an acceptance', () => {
  it('is ACCEPTED from any other status, never ACCEPTED again nor another answer', () => {
    expect(isNewAcceptance('NEEDS_ACTION', 'ACCEPTED')).toBe(true);
    expect(isNewAcceptance('DECLINED', 'ACCEPTED')).toBe(true);
    expect(isNewAcceptance('TENTATIVE', 'ACCEPTED')).toBe(true);
    expect(isNewAcceptance('ACCEPTED', 'ACCEPTED')).toBe(false);
    expect(isNewAcceptance('NEEDS_ACTION', 'DECLINED')).toBe(false);
    expect(isNewAcceptance('ACCEPTED', 'TENTATIVE')).toBe(false);
  });

  it('follows the organizer’s setting, a notice per answer when they never chose (or the item says nonsense)', () => {
    expect(acceptanceNoticesOf({ acceptanceNotices: 'DIGEST' })).toBe('DIGEST');
    expect(acceptanceNoticesOf({ acceptanceNotices: 'OFF' })).toBe('OFF');
    expect(acceptanceNoticesOf({})).toBe('EACH_ANSWER');
    expect(acceptanceNoticesOf(null)).toBe('EACH_ANSWER');
    expect(acceptanceNoticesOf({ acceptanceNotices: 'WEEKLY' as never })).toBe('EACH_ANSWER');
  });

  it('is shown on the organizer, with the default for organizers registered before the setting', () => {
    const record = { id: 'org-1', email: 'o@example.com', status: 'ACTIVE', limits: { maxActiveEvents: 1, maxInvitationsPerEvent: 1, maxInvitationsPerDay: 1 }, activeEvents: 0, stats: { eventsCreated: 0, invitationsSent: 0 } } as unknown as OrganizerRecord;
    expect(toOrganizer(record).acceptanceNotices).toBe('EACH_ANSWER');
    expect(toOrganizer({ ...record, acceptanceNotices: 'OFF' }).acceptanceNotices).toBe('OFF');
  });
});

describe('the ATTENDEE_ACCEPTED notice', () => {
  it('says who accepted which event, how, and their comment', () => {
    const notice = acceptedNotice(ADA, 'NEEDS_ACTION', FACTS);
    expect(notice.subject).toBe('Ada Lovelace accepted "Team offsite"');
    expect(notice.message).toBe('Ada Lovelace (ada@example.com) accepted your invitation to "Team offsite" by a calendar reply. Their comment: "See you there"');
    expect(notice).toMatchObject({ ...noticeKey('org-1', FACTS.now, 'n-1'), kind: 'ATTENDEE_ACCEPTED', organizerId: 'org-1', expiresAt: FACTS.nowEpochSeconds + NOTICE_TTL_SECONDS });
    expect(notice.details).toEqual({ ...ADA, previous: 'NEEDS_ACTION' });
  });

  it('names an attendee without a name by address, and says when they change their mind', () => {
    const notice = acceptedNotice({ ...ADA, name: null, comment: null, via: 'LINK' }, 'DECLINED', FACTS);
    expect(notice.subject).toBe('ada@example.com accepted "Team offsite"');
    expect(notice.message).toBe('ada@example.com accepted your invitation to "Team offsite" from the link in their invitation (they had answered no).');
  });

  it('is published as the topic’s schema requires', () => {
    expect(schemaErrors(storedNotice(acceptedNotice(ADA, 'TENTATIVE', FACTS)))).toEqual([]);
    const { previous: _, ...withoutPrevious } = acceptedNotice(ADA, 'TENTATIVE', FACTS).details;
    expect(schemaErrors(storedNotice({ ...acceptedNotice(ADA, 'TENTATIVE', FACTS), details: withoutPrevious }))).not.toEqual([]);
  });
});

describe('digest windows', () => {
  it('are aligned on the epoch, so every answer of a period finds the same window', () => {
    expect(digestWindow(7200, 3600)).toEqual({ start: 7200, end: 10800 });
    expect(digestWindow(10799, 3600)).toEqual({ start: 7200, end: 10800 });
    expect(digestWindow(10800, 3600)).toEqual({ start: 10800, end: 14400 });
    expect(digestWindow(1_893_920_437, 60)).toEqual({ start: 1_893_920_400, end: 1_893_920_460 });
  });

  it('count every acceptance and list them until the window holds the most it lists', () => {
    const window = { organizerId: 'org-1', windowStart: 'a', windowEnd: 'b', expiresAt: 1 };
    const first = windowUpdate(ADA, { ...window, countRead: 0 });
    expect(first.expression).toBe('SET #organizerId = :organizerId, #windowStart = :windowStart, #windowEnd = :windowEnd, #expiresAt = :expiresAt, #acceptances = list_append(if_not_exists(#acceptances, :none), :entry) ADD #count :one');
    expect(first.expressionValues[':entry']).toEqual([ADA]);
    const full = windowUpdate(ADA, { ...window, countRead: ACCEPTANCE_DIGEST_LIMITS.listed });
    expect(full.expression).toBe('SET #organizerId = :organizerId, #windowStart = :windowStart, #windowEnd = :windowEnd, #expiresAt = :expiresAt ADD #count :one');
    expect(full.expressionValues).not.toHaveProperty(':entry');
  });

  it('list an acceptance with its event, attendee and answer', () => {
    const entry = acceptanceEntry({ id: 'evt-1', title: 'Team offsite' }, { email: 'ada@example.com', name: null }, { comment: null, via: 'API', answeredAt: ADA.answeredAt });
    expect(entry).toEqual({ ...ADA, name: null, comment: null, via: 'API' });
  });
});

describe('the ACCEPTANCE_DIGEST notice', () => {
  const window = (count: number, acceptances: AcceptanceEntry[]): AcceptanceWindowRecord => ({
    ...acceptanceWindowKey('org-1', '2030-01-06T09:00:00.000Z'),
    organizerId: 'org-1',
    windowStart: '2030-01-06T09:00:00.000Z',
    windowEnd: '2030-01-06T10:00:00.000Z',
    count,
    acceptances,
    expiresAt: 1,
  });
  const BOB: AcceptanceEntry = { ...ADA, email: 'bob@example.com', name: null, comment: null, eventId: 'evt-2', eventTitle: 'Launch' };

  it('counts the acceptances and lists each with its event and comment', () => {
    const notice = acceptanceDigestNotice(window(2, [ADA, BOB]), { noticeId: 'd-1', now: '2030-01-06T10:00:10.000Z', nowEpochSeconds: 1_893_924_010 });
    expect(notice.subject).toBe('2 acceptances for your events');
    expect(notice.message).toBe(
      [
        '2 acceptances for your events between 2030-01-06T09:00:00.000Z and 2030-01-06T10:00:00.000Z:',
        '- Ada Lovelace (ada@example.com) accepted "Team offsite": "See you there"',
        '- bob@example.com accepted "Launch"',
      ].join('\n'),
    );
    expect(notice).toMatchObject({ ...noticeKey('org-1', '2030-01-06T10:00:10.000Z', 'd-1'), kind: 'ACCEPTANCE_DIGEST', organizerId: 'org-1' });
    expect(notice.details).toEqual({ count: 2, windowStart: '2030-01-06T09:00:00.000Z', windowEnd: '2030-01-06T10:00:00.000Z', unlisted: 0, acceptances: [ADA, BOB] });
    expect(schemaErrors(storedNotice(notice))).toEqual([]);
  });

  it('says how many more there were than it lists, and speaks of one acceptance in the singular', () => {
    const many = acceptanceDigestNotice(window(75, [ADA]), { noticeId: 'd-2', now: '2030-01-06T10:00:10.000Z', nowEpochSeconds: 0 });
    expect(many.message.split('\n').at(-1)).toBe("- and 74 more: see your events' attendees.");
    expect(many.details).toMatchObject({ count: 75, unlisted: 74 });
    expect(schemaErrors(storedNotice(many))).toEqual([]);
    expect(acceptanceDigestNotice(window(1, [BOB]), { noticeId: 'd-3', now: '2030-01-06T10:00:10.000Z', nowEpochSeconds: 0 }).subject).toBe('1 acceptance for your events');
  });
});
