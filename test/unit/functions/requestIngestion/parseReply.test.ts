// One iCalendar object read as a REPLY: what RFC 5546 section 3.2.3 requires, and what real
// clients do differently (itip.md section 6): TAB folding, MAILTO:, notes in X- properties,
// a COUNTER under a REPLY's MIME parameter, VALARMs with attendees.
import { describe, expect, it } from 'vitest';
import { mailtoAddress, parseReply } from '../../../../functions/requestIngestion/parseReply';

const UID = 'evt-1@calendar.example';

/** A REPLY; `event` lines replace the VEVENT's defaults of the same name (null removes one). */
function ics(event: Record<string, string | null> = {}, { method = 'REPLY', extra = [] as string[] } = {}): string {
  const fields: Record<string, string | null> = {
    UID: `UID:${UID}`,
    DTSTAMP: 'DTSTAMP:20300305T091500Z',
    SEQUENCE: 'SEQUENCE:1',
    ORGANIZER: 'ORGANIZER:mailto:rsvp@calendar.example',
    ATTENDEE: 'ATTENDEE;PARTSTAT=ACCEPTED;CN=Grace:mailto:grace@example.com',
    ...event,
  };
  const lines = Object.values(fields).filter((l): l is string => l !== null);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', `METHOD:${method}`, 'BEGIN:VEVENT', ...lines, ...extra, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
}

const reply = (overrides: Record<string, unknown> = {}) => ({
  kind: 'reply',
  reply: { uid: UID, attendee: 'grace@example.com', partstat: 'ACCEPTED', sequence: 1, dtstamp: '2030-03-05T09:15:00.000Z', comment: null, ...overrides },
});

describe('parseReply', () => {
  it('reads UID, the ATTENDEE’s address and PARTSTAT, SEQUENCE and DTSTAMP', () => {
    expect(parseReply(ics())).toEqual(reply());
  });

  it('takes SEQUENCE 0 when absent, and PARTSTAT NEEDS-ACTION (the RFC default) when absent', () => {
    expect(parseReply(ics({ SEQUENCE: null, ATTENDEE: 'ATTENDEE:mailto:grace@example.com' }))).toEqual(reply({ sequence: 0, partstat: 'NEEDS-ACTION' }));
  });

  it('accepts a REPLY without ORGANIZER (Exchange), MAILTO: in upper case and a lower-case PARTSTAT', () => {
    expect(parseReply(ics({ ORGANIZER: null, ATTENDEE: 'ATTENDEE;PARTSTAT=tentative:MAILTO:Grace@Example.COM' }))).toEqual(reply({ partstat: 'TENTATIVE' }));
  });

  it('unfolds lines continued with a TAB, even inside the address (Android)', () => {
    expect(parseReply(ics({ ATTENDEE: 'ATTENDEE;PARTSTAT=DECLINED:mailto:grace@ex\r\n\tample.com' }))).toEqual(reply({ partstat: 'DECLINED' }));
  });

  it('reads only the VEVENT’s own ATTENDEE, not a VALARM’s', () => {
    const alarm = ['BEGIN:VALARM', 'ACTION:EMAIL', 'ATTENDEE:mailto:rsvp@calendar.example', 'SUMMARY:x', 'DESCRIPTION:x', 'TRIGGER:-PT30M', 'END:VALARM'];
    expect(parseReply(ics({}, { extra: alarm }))).toEqual(reply());
  });

  it('reads the note from COMMENT (unescaped, several joined), else X-CALENDARSERVER-PRIVATE-COMMENT, else an ATTENDEE parameter', () => {
    expect(parseReply(ics({}, { extra: ['COMMENT:Yes\\, gladly\\nSee you', 'COMMENT:(bringing cake)'] }))).toEqual(reply({ comment: 'Yes, gladly\nSee you\n(bringing cake)' }));
    expect(parseReply(ics({}, { extra: ['X-CALENDARSERVER-PRIVATE-COMMENT:Avec plaisir\\, à bientôt'] }))).toEqual(reply({ comment: 'Avec plaisir, à bientôt' }));
    expect(parseReply(ics({ ATTENDEE: 'ATTENDEE;PARTSTAT=ACCEPTED;X-RESPONSE-COMMENT="Running late, 10 min":mailto:grace@example.com' }))).toEqual(reply({ comment: 'Running late, 10 min' }));
    expect(parseReply(ics({}, { extra: ['COMMENT:   '] }))).toEqual(reply({ comment: null }));
  });

  it('reads a floating DTSTAMP as UTC, not in the zone the function runs in', () => {
    expect(parseReply(ics({ DTSTAMP: 'DTSTAMP:20300305T091500' }))).toEqual(reply());
  });

  it('takes the body’s METHOD, not the MIME parameter: a COUNTER or REQUEST is no reply', () => {
    expect(parseReply(ics({}, { method: 'COUNTER' }))).toEqual({ kind: 'notReply', method: 'COUNTER' });
    expect(parseReply(ics({}, { method: 'request' }))).toEqual({ kind: 'notReply', method: 'REQUEST' });
    expect(parseReply(ics().replace('METHOD:REPLY\r\n', ''))).toEqual({ kind: 'notReply', method: null });
  });

  it.each([
    ['no DTSTAMP', ics({ DTSTAMP: null }), /no DTSTAMP/],
    ['a DATE DTSTAMP', ics({ DTSTAMP: 'DTSTAMP;VALUE=DATE:20300305' }), /a date, not a date-time/],
    ['a broken DTSTAMP', ics({ DTSTAMP: 'DTSTAMP:yesterday' }), /not iCalendar|malformed value/],
    ['no UID', ics({ UID: null }), /no UID/],
    ['two ATTENDEEs', ics({}, { extra: ['ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com'] }), /exactly one ATTENDEE.*names 2/],
    ['no ATTENDEE', ics({ ATTENDEE: null }), /names 0/],
    ['an ATTENDEE that is no mailto:', ics({ ATTENDEE: 'ATTENDEE;PARTSTAT=ACCEPTED:urn:uuid:1234' }), /not a mailto: address/],
    ['a negative SEQUENCE', ics({ SEQUENCE: 'SEQUENCE:-1' }), /SEQUENCE "-1"/],
    ['two VEVENTs', ics().replace('END:VCALENDAR', `BEGIN:VEVENT\r\nUID:${UID}\r\nEND:VEVENT\r\nEND:VCALENDAR`), /holds 2/],
    ['text that is not iCalendar', 'Thanks, see you there!', /not iCalendar/],
    ['a truncated object', ics().slice(0, 120), /not iCalendar \(invalid ical body/],
    ['two VCALENDARs', `${ics()}${ics()}`, /one VCALENDAR/],
  ])('refuses %s', (_name, text, problem) => {
    expect(parseReply(text)).toEqual({ kind: 'invalid', problem: expect.stringMatching(problem) });
  });
});

describe('mailtoAddress', () => {
  it.each([
    ['mailto:grace@example.com', 'grace@example.com'],
    ['MAILTO:Grace@Example.COM', 'grace@example.com'],
    [' mailto:grace%2Bcal@example.com ', 'grace+cal@example.com'],
    ['mailto:100%@example.com', '100%@example.com'],
  ])('%j is %s', (value, address) => {
    expect(mailtoAddress(value)).toBe(address);
  });

  it.each(['grace@example.com', 'mailto:', 'mailto:grace', 'mailto:@example.com', 'mailto:Grace <grace@example.com>', 'https://example.com'])('%j is none', (value) => {
    expect(mailtoAddress(value)).toBeNull();
  });
});
