// A reply as a real client sends it must get through whole. The layout is Google Calendar's
// RSVP reply as itip.md section 6 describes it (observed in public iMIP test corpora):
// text/calendar; method=REPLY inline in multipart/alternative, and the same calendar again as
// a base64 `invite.ics` attachment (application/ics); the whole event comes back, VALARM and
// all, the attendee with X-NUM-GUESTS=0.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rule, ruleSet, startSmtp, TOPIC, type SmtpHarness } from './harness';

const REPLY = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:REPLY',
  'BEGIN:VEVENT',
  'DTSTART:20300115T170000Z',
  'DTEND:20300115T190000Z',
  'DTSTAMP:20300102T100000Z',
  'ORGANIZER;CN=Invites:mailto:rsvp@invites.example.com',
  'UID:evt-123@invites.example.com',
  'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ada Lovelace;X-NUM-GUESTS=0:mailto:ada@example.org',
  'SEQUENCE:0',
  'STATUS:CONFIRMED',
  'SUMMARY:Launch party',
  'BEGIN:VALARM',
  'ACTION:EMAIL',
  'DESCRIPTION:This is an event reminder',
  'ATTENDEE:mailto:rsvp@invites.example.com',
  'TRIGGER:-P0DT0H30M0S',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let h: SmtpHarness;

beforeAll(async () => {
  h = await startSmtp({
    ruleSets: [ruleSet('InboundRules', rule('rsvp', ['rsvp@invites.example.com'], [{ type: 'S3', bucketName: 'inbound-mail', objectKeyPrefix: 'emails/' }, { type: 'SNS', topicArn: TOPIC, encoding: 'Base64' }]))],
  });
  await h.transport.sendMail({
    from: 'Ada Lovelace <ada@example.org>',
    to: 'rsvp@invites.example.com',
    subject: 'Accepted: Launch party @ Wed Jan 15, 2030 5pm - 7pm (UTC) (rsvp@invites.example.com)',
    text: 'Ada Lovelace has accepted this invitation.',
    html: '<p>Ada Lovelace has accepted this invitation.</p>',
    icalEvent: { method: 'REPLY', content: REPLY },
    attachments: [{ filename: 'invite.ics', content: Buffer.from(REPLY), contentType: 'application/ics' }],
  });
  await h.smtp.settled();
});
afterAll(() => h.stop());

describe("a Google Calendar reply", () => {
  it('is stored whole: the inline text/calendar; method=REPLY part and the invite.ics attachment', async () => {
    const [stored] = [...h.services.objects.values()];
    const parsed = await simpleParser(stored!);
    expect(parsed.subject).toMatch(/^Accepted: Launch party/);
    const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    const ics = parsed.attachments.find((a) => a.filename === 'invite.ics');
    expect(calendar?.content.toString()).toBe(REPLY);
    expect(ics?.contentType).toBe('application/ics');
    expect(ics?.content.toString()).toBe(REPLY);
    expect(stored!.toString()).toMatch(/Content-Type: text\/calendar; (charset=utf-8; )?method=REPLY/i);
    expect(stored!.toString()).toMatch(/Content-Type: application\/ics; name=invite\.ics\r\nContent-Transfer-Encoding: base64/);
    expect(calendar?.content.toString()).toContain('PARTSTAT=ACCEPTED;CN=Ada Lovelace;X-NUM-GUESTS=0:mailto:ada@example.org');
  });

  it('reaches the SNS action as the same bytes, base64-encoded', () => {
    const [note] = h.services.publishedJson(TOPIC) as { content: string }[];
    expect(Buffer.from(note!.content, 'base64').equals([...h.services.objects.values()][0]!)).toBe(true);
  });
});
