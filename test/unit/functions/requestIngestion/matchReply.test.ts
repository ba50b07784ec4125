import { describe, expect, it } from 'vitest';
import { matchReply } from '../../../../functions/requestIngestion/matchReply';
import type { ItipReply } from '../../../../functions/requestIngestion/parseReply';

const REPLY: ItipReply = { uid: 'evt-1@calendar.example', attendee: 'grace@example.com', partstat: 'ACCEPTED', sequence: 3, dtstamp: '2030-03-05T09:15:00.000Z', comment: 'Gladly' };

describe('matchReply', () => {
  it('matches our UID and the attendee who sent it to recordEmailRsvp’s arguments', () => {
    expect(matchReply(REPLY, 'grace@example.com', 'calendar.example')).toEqual({
      rsvp: { eventId: 'evt-1', email: 'grace@example.com', response: 'ACCEPTED', comment: 'Gladly', sequence: 3, dtstamp: '2030-03-05T09:15:00.000Z' },
    });
    expect(matchReply({ ...REPLY, uid: 'evt-1@Calendar.Example', partstat: 'TENTATIVE' }, 'grace@example.com', 'calendar.example')).toMatchObject({ rsvp: { eventId: 'evt-1', response: 'TENTATIVE' } });
  });

  it('drops a UID this service did not make', () => {
    for (const uid of ['evt-1@elsewhere.example', '040000008200E00074C5B7101A82E008', 'a b@calendar.example']) {
      expect(matchReply({ ...REPLY, uid }, 'grace@example.com', 'calendar.example')).toEqual({ problem: 'the UID is not one of this service’s invitations' });
    }
  });

  it('drops a reply whose sender is not its ATTENDEE', () => {
    expect(matchReply(REPLY, 'mallory@evil.example', 'calendar.example')).toEqual({ problem: expect.stringMatching(/^the sender is not the ATTENDEE/) });
  });

  it.each([
    ['NEEDS-ACTION', /unanswered/],
    ['DELEGATED', /delegat.*not supported/],
    ['IN-PROCESS', /PARTSTAT=IN-PROCESS is not an answer/],
  ])('drops PARTSTAT=%s with its reason', (partstat, problem) => {
    expect(matchReply({ ...REPLY, partstat }, 'grace@example.com', 'calendar.example')).toEqual({ problem: expect.stringMatching(problem) });
  });
});
