import { describe, expect, it } from 'vitest';
import { latestAnswers, withAnswer } from '../../../dashboard/answers';
import type { Answer } from '../../../dashboard/render';

const attendee = (email: string, answeredAt: string | null): Answer => ({
  eventId: 'e1',
  email,
  name: null,
  status: answeredAt ? 'ACCEPTED' : 'NEEDS_ACTION',
  updatedAt: '2027-01-01T00:00:00.000Z',
  answer: answeredAt ? { response: 'ACCEPTED', comment: null, via: 'API', answeredAt } : null,
});

describe('latest answers', () => {
  it('keeps the attendees who answered, newest first, up to the limit', () => {
    const list = [attendee('a@x.org', '2027-01-02T00:00:00Z'), attendee('b@x.org', null), attendee('c@x.org', '2027-01-03T00:00:00Z'), attendee('d@x.org', '2027-01-01T00:00:00Z')];
    expect(latestAnswers(list).map((a) => a.email)).toEqual(['c@x.org', 'a@x.org', 'd@x.org']);
    expect(latestAnswers(list, 2).map((a) => a.email)).toEqual(['c@x.org', 'a@x.org']);
  });

  it('puts a pushed answer on top, replacing the same attendee’s older one', () => {
    const latest = [attendee('a@x.org', '2027-01-03T00:00:00Z'), attendee('b@x.org', '2027-01-02T00:00:00Z')];
    expect(withAnswer(latest, attendee('b@x.org', '2027-01-04T00:00:00Z')).map((a) => [a.email, a.answer?.answeredAt])).toEqual([
      ['b@x.org', '2027-01-04T00:00:00Z'],
      ['a@x.org', '2027-01-03T00:00:00Z'],
    ]);
    expect(withAnswer(latest, attendee('c@x.org', '2027-01-05T00:00:00Z'), 2).map((a) => a.email)).toEqual(['c@x.org', 'a@x.org']);
  });
});
