// The mail viewer on the SES server, fetched over HTTP: the JSON list and message, every MIME
// part, the text/calendar part of an invitation read (METHOD, SUMMARY, DTSTART/DTEND with TZID,
// LOCATION, ORGANIZER, ATTENDEE with PARTSTAT, SEQUENCE, STATUS: RFC 5545 / RFC 5546 section
// 3.2.2), downloads (.eml byte for byte, .ics, attachments), and the HTML pages with everything
// escaped and HTML bodies in a sandboxed iframe. The invitation is built the way the invite
// Lambda builds it: nodemailer's icalEvent (text/calendar; method=REQUEST inside
// multipart/alternative, plus an application/ics attachment; RFC 6047 section 2.4).
import { SendEmailCommand, SendRawEmailCommand } from '@aws-sdk/client-ses';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSes, type SesHarness } from './harness';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Calendar Invite Server//EN',
  'METHOD:REQUEST',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:evt-42@calendar.localhost',
  'DTSTAMP:20300101T090000Z',
  'DTSTART;TZID=Europe/Paris:20300702T100000',
  'DTEND;TZID=Europe/Paris:20300702T113000',
  'SUMMARY:Quarterly planning <Q3>',
  'LOCATION:Room 4',
  'SEQUENCE:1',
  'STATUS:CONFIRMED',
  'ORGANIZER;CN=Ada Lovelace:mailto:ada@calendar.localhost',
  'ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:bob@example.org',
  'ATTENDEE;CN=Carol;PARTSTAT=ACCEPTED;ROLE=OPT-PARTICIPANT:mailto:carol@example.org',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let h: SesHarness;
let inviteId: string;
let inviteRaw: Buffer;
let htmlId: string;
const base = () => `${h.server.url}/_local/mail`;

beforeAll(async () => {
  h = await startSes();
  inviteRaw = await new MailComposer({
    from: 'Ada Lovelace <ada@calendar.localhost>',
    to: 'Bob <bob@example.org>',
    subject: 'Invitation: Quarterly planning',
    text: 'You are invited.',
    html: '<p>You are <b>invited</b>.</p>',
    icalEvent: { method: 'REQUEST', content: ICS },
    attachments: [{ filename: 'agenda.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  inviteId = (await h.v1.send(new SendRawEmailCommand({ RawMessage: { Data: inviteRaw } }))).MessageId!;
  htmlId = (
    await h.v1.send(
      new SendEmailCommand({
        Source: 'ada@calendar.localhost',
        Destination: { ToAddresses: ['eve@example.org'] },
        Message: { Subject: { Data: '<script>alert(1)</script> hi' }, Body: { Html: { Data: '<p onclick="x()">Hi</p><script>steal()</script>' } } },
      }),
    )
  ).MessageId!;
});
afterAll(() => h.close());

describe('JSON', () => {
  it('lists messages newest first with from, to, subject, date and the calendar method', async () => {
    const response = await fetch(`${base()}/messages`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { messages } = (await response.json()) as { messages: Record<string, unknown>[] };
    expect(messages.map((m) => m.messageId)).toEqual([htmlId, inviteId]);
    expect(messages[1]).toMatchObject({
      from: 'Ada Lovelace <ada@calendar.localhost>',
      to: ['Bob <bob@example.org>'],
      subject: 'Invitation: Quarterly planning',
      calendarMethod: 'REQUEST',
      destinations: ['bob@example.org'],
    });
    expect(typeof messages[1]!.timestamp).toBe('string');
  });

  it('shows one message: headers, every part, and the calendar read', async () => {
    const message = (await (await fetch(`${base()}/messages/${inviteId}`)).json()) as {
      headers: { name: string; value: string }[];
      parts: { path: string; contentType: string; filename?: string; text?: string; html?: string; calendar?: any; downloadPath: string }[];
    };
    expect(message.headers).toContainEqual({ name: 'Subject', value: 'Invitation: Quarterly planning' });
    expect(message.parts.map((p) => [p.path, p.contentType, p.filename])).toEqual([
      ['1.1', 'text/plain', undefined],
      ['1.2', 'text/html', undefined],
      ['1.3', 'text/calendar', undefined],
      ['2', 'application/pdf', 'agenda.pdf'],
      ['3', 'application/ics', 'invite.ics'],
    ]);
    expect(message.parts[1]!.html).toBe('<p>You are <b>invited</b>.</p>');
    const calendar = message.parts[2]!.calendar;
    expect(calendar).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST' });
    expect(calendar.events[0]).toMatchObject({
      summary: 'Quarterly planning <Q3>',
      location: 'Room 4',
      sequence: 1,
      status: 'CONFIRMED',
      start: { value: '2030-07-02T10:00:00', tzid: 'Europe/Paris', utc: '2030-07-02T08:00:00.000Z' },
      end: { value: '2030-07-02T11:30:00', tzid: 'Europe/Paris', utc: '2030-07-02T09:30:00.000Z' },
      organizer: { address: 'ada@calendar.localhost', name: 'Ada Lovelace' },
    });
    expect(calendar.events[0].attendees.map((a: any) => [a.address, a.partstat, a.role, a.rsvp])).toEqual([
      ['bob@example.org', 'NEEDS-ACTION', 'REQ-PARTICIPANT', true],
      ['carol@example.org', 'ACCEPTED', 'OPT-PARTICIPANT', false],
    ]);
  });

  it('answers 404 for a message that is not in the outbox', async () => {
    expect((await fetch(`${base()}/messages/nope`)).status).toBe(404);
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
  });
});

describe('downloads', () => {
  it('hands out the .eml byte for byte', async () => {
    const response = await fetch(`${base()}/messages/${inviteId}/raw`);
    expect(response.headers.get('content-type')).toBe('message/rfc822');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${inviteId}.eml"`);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), inviteRaw)).toBe(0);
  });

  it('hands out the calendar part as an .ics and attachments decoded', async () => {
    const ics = await fetch(`${base()}/messages/${inviteId}/parts/1.3`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="part-1.3.ics"');
    expect(await ics.text()).toBe(ICS);
    const pdf = await fetch(`${base()}/messages/${inviteId}/parts/2`);
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="agenda.pdf"');
    expect(await pdf.text()).toBe('%PDF-1.4 fake');
    expect((await fetch(`${base()}/messages/${inviteId}/parts/9`)).status).toBe(404);
  });
});

describe('HTML pages', () => {
  it('lists the outbox newest first, subjects escaped, with the calendar method', async () => {
    const response = await fetch(base());
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page.indexOf('&lt;script&gt;alert(1)&lt;/script&gt; hi')).toBeGreaterThan(0);
    expect(page.indexOf('&lt;script&gt;alert(1)')).toBeLessThan(page.indexOf('Invitation: Quarterly planning'));
    expect(page).not.toContain('<script>');
    expect(page).toContain('<span class="badge">REQUEST</span>');
  });

  it('shows the invitation: calendar table with attendees and PARTSTAT, parts, downloads', async () => {
    const response = await fetch(`${base()}/${inviteId}`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    const page = await response.text();
    expect(page).toContain('METHOD REQUEST');
    expect(page).toContain('Quarterly planning &lt;Q3&gt;');
    expect(page).toContain('2030-07-02T10:00:00 (TZID Europe/Paris) = 2030-07-02T08:00:00.000Z');
    expect(page).toContain('Ada Lovelace &lt;ada@calendar.localhost&gt;');
    expect(page).toMatch(/Bob &lt;bob@example\.org&gt;<\/td><td><span class="badge">NEEDS-ACTION<\/span>/);
    expect(page).toMatch(/<span class="badge">ACCEPTED<\/span>/);
    expect(page).toContain(`href="/_local/mail/messages/${inviteId}/raw"`);
    expect(page).toContain(`href="/_local/mail/messages/${inviteId}/parts/1.3" download>download .ics</a>`);
    expect(page).toContain(`href="/_local/mail/messages/${inviteId}/parts/2" download`);
  });

  it('puts HTML bodies in a sandboxed iframe and escapes them', async () => {
    const page = await (await fetch(`${base()}/${htmlId}`)).text();
    expect(page).toContain('<iframe sandbox="" referrerpolicy="no-referrer"');
    expect(page).toContain('srcdoc="&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });
});

describe('clearing', () => {
  it('empties the outbox', async () => {
    const other = await startSes();
    try {
      await other.v1.send(new SendRawEmailCommand({ RawMessage: { Data: inviteRaw } }));
      expect((await fetch(`${other.server.url}/_local/mail/messages`, { method: 'DELETE' })).status).toBe(204);
      expect(((await (await fetch(`${other.server.url}/_local/mail/messages`)).json()) as { messages: unknown[] }).messages).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
