// The REPLY of a message, from postal-mime's reading of it: the best copy first, a broken
// copy not hiding a good one, and a reason when there is none.
import type { Attachment, Email } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { brokenMime } from '../../../../functions/requestIngestion/brokenMime';
import { findReply, NOT_A_CALENDAR } from '../../../../functions/requestIngestion/findReply';

const calendar = (method: string, partstat = 'ACCEPTED') =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//T//EN', `METHOD:${method}`, 'BEGIN:VEVENT', 'UID:evt-1@calendar.example', 'DTSTAMP:20300305T091500Z', `ATTENDEE;PARTSTAT=${partstat}:mailto:grace@example.com`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const attachment = (text: string, o: Partial<Attachment> = {}): Attachment => ({ mimeType: 'text/calendar', filename: null, disposition: null, content: new TextEncoder().encode(text), ...o });
type Message = Pick<Email, 'headers' | 'text' | 'html' | 'attachments'>;
const message = (attachments: Attachment[], o: Partial<Message> = {}): Message => ({
  headers: [{ key: 'content-type', originalKey: 'Content-Type', value: 'multipart/mixed; boundary="b"' }],
  text: 'Accepted',
  attachments,
  ...o,
});

describe('findReply', () => {
  it('takes the inline part before an attached copy that differs', () => {
    const found = findReply(message([attachment(calendar('REPLY', 'DECLINED'), { mimeType: 'application/ics', filename: 'invite.ics', disposition: 'attachment' }), attachment(calendar('REPLY'))]));
    expect(found).toMatchObject({ reply: { partstat: 'ACCEPTED' }, part: 1 });
  });

  it('reads the next copy when the first does not parse', () => {
    const found = findReply(message([attachment('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVEN'), attachment(calendar('REPLY'), { mimeType: 'application/ics', disposition: 'attachment' })]));
    expect(found).toMatchObject({ reply: { partstat: 'ACCEPTED' }, part: 1 });
  });

  it('says what the calendar is when it is no REPLY', () => {
    expect(findReply(message([attachment(calendar('REQUEST'))]))).toEqual({ problem: 'the calendar is a REQUEST, not a REPLY' });
    // Google's proposal of a new time: method=REPLY on the part, COUNTER in the body.
    expect(findReply(message([attachment(calendar('COUNTER'), { method: 'REPLY' })]))).toEqual({ problem: expect.stringMatching(/^a COUNTER .*not handled/) });
  });

  it('gives the parse problem when no copy is readable', () => {
    expect(findReply(message([attachment('Hello')]))).toEqual({ problem: expect.stringMatching(/^the calendar part is not iCalendar/) });
  });

  it('says a message without a calendar part is not a calendar message', () => {
    expect(findReply(message([{ mimeType: 'image/png', filename: 'a.png', disposition: 'attachment', content: new Uint8Array(1) }]))).toEqual({ problem: NOT_A_CALENDAR });
  });
});

describe('brokenMime', () => {
  it('is a multipart message with nothing readable in it', () => {
    expect(brokenMime(message([], { text: undefined }))).toMatch(/^broken MIME/);
    expect(brokenMime(message([], { text: '  \n', html: '' }))).toMatch(/^broken MIME/);
  });

  it('is not a message with some part, nor a single-part message', () => {
    expect(brokenMime(message([]))).toBeNull();
    expect(brokenMime(message([attachment('x')], { text: undefined }))).toBeNull();
    expect(brokenMime(message([], { text: undefined, headers: [{ key: 'content-type', originalKey: 'Content-Type', value: 'text/calendar; method=REPLY' }] }))).toBeNull();
    expect(brokenMime(message([], { text: undefined, headers: [] }))).toBeNull();
  });
});
