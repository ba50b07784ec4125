// Each client's reply layout (test/fixtures/replies/) read the way the ingestion reads it:
// postal-mime, then findReply. The bad cases are read too: some parse as replies and are
// refused later (matchReply, the API), the others say here why they are no reply.
import { describe, expect, it } from 'vitest';
import { findReply, NOT_A_CALENDAR } from '../../../../functions/requestIngestion/findReply';
import { readMessage } from '../../../../functions/requestIngestion/readMessage';
import { replyFixture, type ReplyFixture, type ReplyValues } from '../../../fixtures/replies/replyFixture';

const EVENT_ID = '3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f';
const VALUES: ReplyValues = {
  eventId: EVENT_ID,
  mailDomain: 'calendar.example',
  rsvp: 'rsvp@calendar.example',
  attendee: 'grace.hopper@example.com',
  sequence: 2,
  dtstamp: new Date('2030-03-05T09:15:00Z'),
  messageId: '<reply-1@mail.example>',
};
const UID = `${EVENT_ID}@calendar.example`;

async function read(name: ReplyFixture, values: Partial<ReplyValues> = {}) {
  const email = await readMessage(new TextEncoder().encode(replyFixture(name, { ...VALUES, ...values })));
  return { email, found: findReply(email) };
}

const reply = (partstat: string, comment: string | null, sequence = 2) => ({
  uid: UID,
  attendee: 'grace.hopper@example.com',
  partstat,
  sequence,
  dtstamp: '2030-03-05T09:15:00.000Z',
  comment,
});

describe('the client reply fixtures', () => {
  it('Gmail: reads the inline text/calendar part, the VEVENT’s own ATTENDEE (not the VALARM’s), no note', async () => {
    const { email, found } = await read('gmail');
    expect(email.attachments.map((a) => [a.mimeType, a.filename])).toEqual([
      ['text/calendar', null],
      ['application/ics', 'invite.ics'],
    ]);
    expect(found).toEqual({ reply: reply('ACCEPTED', null), part: 0 });
  });

  it('Outlook: base64 parts, no ORGANIZER, MAILTO: and a mixed-case address, the COMMENT trimmed', async () => {
    const { email, found } = await read('outlook', { attendee: 'Grace.Hopper@Example.com' });
    expect(email.subject).toBe('Declined: Launch party');
    expect(found).toEqual({ reply: reply('DECLINED', 'Sorry – I’m travelling that week. Have a great launch!'), part: 0 });
  });

  it('Apple Mail: the calendar as an iCal-<n>.ics attachment in quoted-printable, the note in X-CALENDARSERVER-PRIVATE-COMMENT', async () => {
    const { email, found } = await read('apple-mail');
    expect(email.subject).toBe('Acceptée : Launch party');
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({ mimeType: 'text/calendar', filename: 'iCal-20300305-091500.ics', disposition: 'attachment', method: 'REPLY' });
    expect(found).toEqual({ reply: reply('ACCEPTED', 'Avec plaisir, j’apporte le gâteau !'), part: 0 });
  });

  it('Thunderbird: folded ATTENDEE and COMMENT lines in 8bit UTF-8', async () => {
    const { found } = await read('thunderbird', { sequence: 0 });
    expect(found).toEqual({ reply: reply('TENTATIVE', 'I might be a little late: the train from Bern arrives at 14:10, so I’ll come straight from the station.', 0), part: 0 });
  });

  it('keeps every encoded line within 76 characters, and a quoted-printable soft break inside a parameter', () => {
    const raw = replyFixture('apple-mail', VALUES);
    expect(raw.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    expect(raw).toContain('EMAIL=3D"grace.=\r\nhopper@example.com"');
    expect(replyFixture('outlook', VALUES)).not.toContain('BEGIN:VCALENDAR');
  });
});

describe('the bad fixtures', () => {
  it('a forged sender still parses: the sender is checked against the ATTENDEE later', async () => {
    const { found } = await read('forged-sender', { from: 'mallory@evil.example' });
    expect(found).toEqual({ reply: reply('ACCEPTED', null), part: 0 });
  });

  it('an unknown UID parses: it is matched to no invitation later', async () => {
    const { found } = await read('unknown-uid');
    expect(found).toMatchObject({ reply: { uid: '040000008200E00074C5B7101A82E00800000000D0E1F2A3B4C5D601000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F9', partstat: 'ACCEPTED' } });
  });

  it('a stale SEQUENCE parses with the SEQUENCE written in it', async () => {
    const { found } = await read('stale-sequence', { sequence: 5 });
    expect(found).toEqual({ reply: reply('DECLINED', null, 0), part: 0 });
  });

  it('a reply written by hand is not a calendar message', async () => {
    expect((await read('not-calendar')).found).toEqual({ problem: NOT_A_CALENDAR });
  });

  it('broken MIME says so', async () => {
    expect((await read('broken-mime')).found).toEqual({ problem: expect.stringMatching(/^broken MIME: .*boundary/) });
  });
});
