import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { composeInvitation, type InvitationMailInput } from '../../../../../functions/lib/mail/composeInvitation';
import { MalformedInputError } from '../../../../../functions/lib/errors';
import type { ItipEvent } from '../../../../../functions/lib/calendar/buildItip';
import { instantOf, makeItipInput, readCalendar } from '../calendar/itipFixtures';
import { mimeParts, topHeaders } from './mimeParts';

const LINKS = {
  yes: 'https://calendar.example/rsvp/tok123?answer=yes',
  maybe: 'https://calendar.example/rsvp/tok123?answer=maybe',
  no: 'https://calendar.example/rsvp/tok123?answer=no',
  rsvpPage: 'https://calendar.example/rsvp/tok123',
};

function makeMailInput(overrides: Omit<Partial<InvitationMailInput>, 'event'> & { event?: Partial<ItipEvent> } = {}): InvitationMailInput {
  const { event, ...rest } = overrides;
  return { ...makeItipInput({ event }), kind: 'invitation', sender: 'invites@calendar.example', links: LINKS, unsubscribeUrl: 'https://calendar.example/unsubscribe/tok123', ...rest };
}

describe('an invitation mail (RFC 6047, itip.md sections 3 and 4)', async () => {
  const composed = await composeInvitation(makeMailInput());
  const raw = composed.raw.toString('utf8');
  const parts = mimeParts(raw);
  const parsed = await simpleParser(composed.raw);

  it('is multipart/mixed holding multipart/alternative (text, HTML, calendar) and the invite.ics attachment', () => {
    expect(parts.map((p) => [p.depth, p.type])).toEqual([
      [0, 'multipart/mixed'],
      [1, 'multipart/alternative'],
      [2, 'text/plain'],
      [2, 'text/html'],
      [2, 'text/calendar'],
      [1, 'application/ics'],
    ]);
  });

  it('marks the calendar part with method=REQUEST and charset UTF-8, equal to the METHOD in its body', () => {
    const calendarPart = parts.find((p) => p.type === 'text/calendar')!;
    expect(calendarPart.params).toMatchObject({ method: 'REQUEST', charset: 'utf-8' });
    expect(calendarPart.transferEncoding).toBe('base64');
    expect(calendarPart.disposition).toBeUndefined();
    expect(readCalendar(calendarPart.body).calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(composed.method).toBe('REQUEST');
  });

  it('carries the same iCalendar object in the part and in invite.ics', () => {
    const calendarPart = parts.find((p) => p.type === 'text/calendar')!;
    const attachment = parts.find((p) => p.type === 'application/ics')!;
    expect(calendarPart.body).toBe(composed.ics);
    expect(attachment.body).toBe(composed.ics);
    expect(attachment.params.name).toBe('invite.ics');
    expect(attachment.disposition).toBe('attachment; filename=invite.ics');
  });

  it('addresses the attendee (To = ATTENDEE), from SENDER on the organizer’s behalf, replies to the ORGANIZER address', () => {
    expect(parsed.from!.value).toEqual([{ address: 'invites@calendar.example', name: 'Ada Lovelace via Calendar Invites' }]);
    expect((parsed.to as { value: unknown[] }).value).toEqual([{ address: 'grace@example.com', name: 'Grace Hopper' }]);
    expect(parsed.replyTo!.value).toEqual([{ address: 'rsvp@calendar.example', name: '' }]);
    const { event } = readCalendar(composed.ics);
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:grace@example.com');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:rsvp@calendar.example');
    expect(event.getFirstProperty('attendee')!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(event.getFirstProperty('attendee')!.getParameter('rsvp')).toBe('TRUE');
  });

  it('says what and when in the subject, in the event’s zone', () => {
    expect(parsed.subject).toBe('Invitation: Launch party @ Tue Mar 10, 2026 14:00–15:30 (Europe/Paris)');
    expect(composed.subject).toBe(parsed.subject);
  });

  it('has the Message-ID it returns, and a Date', () => {
    expect(parsed.messageId).toBe(composed.messageId);
    expect(composed.messageId).toMatch(/^<invite\.0\.[0-9a-f]{16}\.evt-1@calendar\.example>$/);
    expect(parsed.date!.toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('offers one-click unsubscribe (RFC 8058)', () => {
    const headers = topHeaders(raw);
    expect(headers).toContainEqual(['list-unsubscribe', '<https://calendar.example/unsubscribe/tok123>']);
    expect(headers).toContainEqual(['list-unsubscribe-post', 'List-Unsubscribe=One-Click']);
  });

  it('uses CRLF line ends only, and no line over 998 octets (RFC 5322 section 2.1.1)', () => {
    expect(raw).not.toMatch(/[^\r]\n/);
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(998);
  });

  it('reads the same through postal-mime: the calendar part’s method, the attachment', async () => {
    const email = await PostalMime.parse(composed.raw);
    expect(email.attachments.map((a) => [a.mimeType, a.filename, a.disposition, a.method])).toEqual([
      ['text/calendar', null, null, 'REQUEST'],
      ['application/ics', 'invite.ics', 'attachment', undefined],
    ]);
    expect(email.subject).toBe(parsed.subject);
    expect(email.replyTo).toEqual([{ address: 'rsvp@calendar.example', name: '' }]);
  });
});

describe('the text part', async () => {
  const text = (await simpleParser((await composeInvitation(makeMailInput())).raw)).text!;

  it('says what, when in the event’s zone, where, who organizes, and the description', () => {
    expect(text).toContain('Ada Lovelace invites you to an event.');
    expect(text).toContain('Launch party');
    expect(text).toContain('When:      Tue Mar 10, 2026 14:00–15:30 (Europe/Paris, UTC+01:00)');
    expect(text).toContain('Where:     Rooftop, 1 Main St');
    expect(text).toContain('Organizer: Ada Lovelace');
    expect(text).toContain('Drinks on the roof.\nBring a friend.');
  });

  it('says how to answer: the Yes / Maybe / No links, the invitation page, the calendar’s buttons', () => {
    expect(text).toContain(`Yes:   ${LINKS.yes}`);
    expect(text).toContain(`Maybe: ${LINKS.maybe}`);
    expect(text).toContain(`No:    ${LINKS.no}`);
    expect(text).toContain(`invitation page: ${LINKS.rsvpPage}`);
    expect(text).toContain('the answer goes to rsvp@calendar.example');
  });
});

describe('the HTML part', async () => {
  const hostile = '<script>alert(1)</script> & "quotes" \'single\' <img src=x onerror=alert(2)>';
  const html = (await simpleParser((await composeInvitation(makeMailInput({ event: { title: hostile, location: hostile, description: `${hostile}\nline two` }, organizer: { name: hostile } }))).raw)).html as string;

  it('escapes every piece of user text', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('line two');
    expect(html).toContain('<br>');
  });

  it('links the answers and the invitation page', async () => {
    const plain = (await simpleParser((await composeInvitation(makeMailInput())).raw)).html as string;
    for (const [label, url] of [['Yes', LINKS.yes], ['Maybe', LINKS.maybe], ['No', LINKS.no]]) {
      expect(plain).toMatch(new RegExp(`<a href="${url!.replace(/[?.]/g, '\\$&')}" style="[^"]*">${label}</a>`));
    }
    expect(plain).toContain(`<a href="${LINKS.rsvpPage}">`);
  });

  it('writes a link’s quotes and ampersands so that it cannot leave its attribute', async () => {
    const composed = await composeInvitation(makeMailInput({ links: { yes: 'https://calendar.example/r?a=1&b="><script>x</script>' } }));
    const linked = (await simpleParser(composed.raw)).html as string;
    expect(linked).toContain('<a href="https://calendar.example/r?a=1&amp;b=%22%3E%3Cscript%3Ex%3C/script%3E"');
  });
});

describe('links and headers that are not given', () => {
  it('shows no answer links and no unsubscribe headers when none are given', async () => {
    const composed = await composeInvitation(makeMailInput({ links: undefined, unsubscribeUrl: undefined }));
    const mail = await simpleParser(composed.raw);
    expect(mail.text).not.toContain('Will you attend?');
    expect(mail.text).toContain("calendar's Yes / Maybe / No buttons");
    expect(topHeaders(composed.raw.toString()).map(([name]) => name)).not.toContain('list-unsubscribe');
  });

  it('adds List-Unsubscribe-Post only for an https URL (RFC 8058 section 3.1)', async () => {
    const headers = topHeaders((await composeInvitation(makeMailInput({ unsubscribeUrl: 'http://localhost:4000/unsubscribe/t' }))).raw.toString());
    expect(headers).toContainEqual(['list-unsubscribe', '<http://localhost:4000/unsubscribe/t>']);
    expect(headers.map(([name]) => name)).not.toContain('list-unsubscribe-post');
  });

  it('refuses a link that is not http(s)', async () => {
    await expect(composeInvitation(makeMailInput({ links: { yes: 'javascript:alert(1)' } }))).rejects.toThrow(MalformedInputError);
    await expect(composeInvitation(makeMailInput({ unsubscribeUrl: 'mailto:x@example.com' }))).rejects.toThrow(MalformedInputError);
    await expect(composeInvitation(makeMailInput({ links: { rsvpPage: 'not a url' } }))).rejects.toThrow(MalformedInputError);
  });

  it('is from "Calendar Invites" when the organizer has neither name nor email, and takes another Reply-To', async () => {
    const mail = await simpleParser((await composeInvitation(makeMailInput({ organizer: {}, replyTo: 'ada@example.com' }))).raw);
    expect(mail.from!.value).toEqual([{ address: 'invites@calendar.example', name: 'Calendar Invites' }]);
    expect(mail.replyTo!.value).toEqual([{ address: 'ada@example.com', name: '' }]);
  });
});

describe('header injection', async () => {
  const attack = '\r\nBcc: victim@example.com\r\nX-Injected: yes\n\rContent-Type: text/html\u0000\u0085';
  const composed = await composeInvitation(
    makeMailInput({
      event: { title: `Party${attack}`, location: `Room${attack}` },
      organizer: { name: `Ada${attack}` },
      attendee: { email: 'grace@example.com', name: `Grace${attack}` },
    }),
  );
  const raw = composed.raw.toString();
  const mail = await simpleParser(composed.raw);

  it('adds no header: CR, LF and controls in the title and names never reach a header line', () => {
    expect(topHeaders(raw).map(([name]) => name)).toEqual(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'to', 'reply-to', 'subject', 'message-id', 'date', 'mime-version', 'content-type']);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('x-injected')).toBe(false);
  });

  it('keeps the text, on one line, in the subject and the display names', () => {
    expect(mail.subject).toBe('Invitation: Party Bcc: victim@example.com X-Injected: yes Content-Type: text/html @ Tue Mar 10, 2026 14:00–15:30 (Europe/Paris)');
    // The organizer's name is cut (FROM_NAME_MAX_LENGTH) before " via Calendar Invites".
    expect(mail.from!.value[0]!.name).toMatch(/^Ada Bcc: victim@example\.com X-Injected: yes Content-Type: text\/\S*… via Calendar Invites$/);
    expect((mail.to as { value: { name: string }[] }).value[0]!.name).toBe('Grace Bcc: victim@example.com X-Injected: yes Content-Type: text/html');
  });

  it('keeps the MIME tree as built', () => {
    expect(mimeParts(raw).map((p) => p.type)).toEqual(['multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html', 'text/calendar', 'application/ics']);
  });

  it('refuses an attendee address or a sender with a line break', async () => {
    await expect(composeInvitation(makeMailInput({ attendee: { email: 'grace@example.com\r\nBcc: victim@example.com' } }))).rejects.toThrow(MalformedInputError);
    await expect(composeInvitation(makeMailInput({ sender: 'invites@calendar.example\r\nBcc: victim@example.com' }))).rejects.toThrow(MalformedInputError);
    await expect(composeInvitation(makeMailInput({ replyTo: 'a@b.example, victim@example.com' }))).rejects.toThrow(MalformedInputError);
  });
});

describe('an updated invitation', () => {
  it('is a REQUEST with the new SEQUENCE, says so in the subject and asks for a new answer', async () => {
    const composed = await composeInvitation(makeMailInput({ kind: 'update', event: { sequence: 2, startsAt: '2026-03-12T09:00:00Z', endsAt: '2026-03-12T10:00:00Z' } }));
    const mail = await simpleParser(composed.raw);
    expect(mail.subject).toBe('Updated invitation: Launch party @ Thu Mar 12, 2026 10:00–11:00 (Europe/Paris)');
    expect(mail.text).toContain('Ada Lovelace changed this event. Please check the details and answer again.');
    expect(mimeParts(composed.raw.toString()).find((p) => p.type === 'text/calendar')!.params.method).toBe('REQUEST');
    const { event } = readCalendar(composed.ics);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(instantOf(event, 'dtstart')).toBe('2026-03-12T09:00:00.000Z');
    expect(composed.messageId).toMatch(/^<update\.2\./);
  });
});

describe('a cancellation', async () => {
  const composed = await composeInvitation(makeMailInput({ kind: 'cancellation', event: { sequence: 3 }, reason: 'The venue <flooded>.' }));
  const parts = mimeParts(composed.raw.toString());
  const mail = await simpleParser(composed.raw);

  it('is METHOD:CANCEL in the body and method=CANCEL on the part, STATUS:CANCELLED, same UID', () => {
    expect(composed.method).toBe('CANCEL');
    const calendarPart = parts.find((p) => p.type === 'text/calendar')!;
    expect(calendarPart.params.method).toBe('CANCEL');
    const { calendar, event } = readCalendar(calendarPart.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe('evt-1@calendar.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
  });

  it('says so in the subject and the text, with the reason, and offers nothing to answer', () => {
    expect(mail.subject).toBe('Cancelled: Launch party @ Tue Mar 10, 2026 14:00–15:30 (Europe/Paris)');
    expect(mail.text).toContain('Ada Lovelace cancelled this event.');
    expect(mail.text).toContain('Reason: The venue <flooded>.');
    expect(mail.text).not.toContain(LINKS.yes);
    expect(mail.html).toContain('The venue &lt;flooded&gt;.');
    expect(mail.html).not.toContain(LINKS.rsvpPage);
  });

  it('keeps the layout, with the attachment', () => {
    expect(parts.map((p) => p.type)).toEqual(['multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html', 'text/calendar', 'application/ics']);
  });
});

describe('the Message-ID', () => {
  it('is the same each time the same mail is composed, and differs by attendee, SEQUENCE and kind', async () => {
    const id = async (overrides: Parameters<typeof makeMailInput>[0] = {}) => (await composeInvitation(makeMailInput(overrides))).messageId;
    const first = await id();
    expect(await id({ now: new Date('2026-02-01T00:00:00Z') })).toBe(first);
    expect(await id({ attendee: { email: 'linus@example.com' } })).not.toBe(first);
    expect(await id({ event: { sequence: 1 } })).not.toBe(first);
    expect(await id({ kind: 'update' })).not.toBe(first);
    expect(first).not.toContain('grace');
  });
});

describe('a UTC event', () => {
  it('says UTC in the subject and the text, and its calendar part has Z times', async () => {
    const composed = await composeInvitation(makeMailInput({ event: { timeZone: 'UTC' } }));
    const mail = await simpleParser(composed.raw);
    expect(mail.subject).toBe('Invitation: Launch party @ Tue Mar 10, 2026 13:00–14:30 (UTC)');
    expect(mail.text).toContain('When:      Tue Mar 10, 2026 13:00–14:30 (UTC)');
    const event = new ICAL.Component(ICAL.parse(composed.ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART:20260310T130000Z');
  });
});
