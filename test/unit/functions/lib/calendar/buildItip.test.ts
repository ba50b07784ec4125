import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCancel, buildItip, buildRequest, PRODID } from '../../../../../functions/lib/calendar/buildItip';
import { MalformedInputError } from '../../../../../functions/lib/errors';
import { instantOf, makeItipInput, physicalLines, readCalendar, unfoldedLines } from './itipFixtures';

describe('a REQUEST for one attendee (RFC 5546 section 3.2.2, itip.md section 4 checklist)', () => {
  const ics = buildRequest(makeItipInput());
  const { calendar, event } = readCalendar(ics);

  it('is a VCALENDAR with PRODID, VERSION:2.0, CALSCALE:GREGORIAN and METHOD:REQUEST', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODID);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
  });

  it('has a UID stable per event: <event id>@<mail domain>', () => {
    expect(event.getFirstPropertyValue('uid')).toBe('evt-1@calendar.example');
    const other = readCalendar(buildRequest(makeItipInput({ attendee: { email: 'linus@example.com' }, now: new Date('2026-02-01T00:00:00Z') }))).event;
    expect(other.getFirstPropertyValue('uid')).toBe('evt-1@calendar.example');
  });

  it('has DTSTAMP, the time it was made, in UTC', () => {
    const stamp = event.getFirstProperty('dtstamp')!;
    expect(stamp.toICALString()).toBe('DTSTAMP:20260105T100000Z');
  });

  it('has the event’s SEQUENCE', () => {
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(readCalendar(buildRequest(makeItipInput({ event: { sequence: 4 } }))).event.getFirstPropertyValue('sequence')).toBe(4);
  });

  it('has DTSTART and DTEND in the event’s zone, with TZID, at the event’s instants', () => {
    expect(unfoldedLines(ics)).toContain('DTSTART;TZID=Europe/Paris:20260310T140000');
    expect(unfoldedLines(ics)).toContain('DTEND;TZID=Europe/Paris:20260310T153000');
    expect(instantOf(event, 'dtstart')).toBe('2026-03-10T13:00:00.000Z');
    expect(instantOf(event, 'dtend')).toBe('2026-03-10T14:30:00.000Z');
  });

  it('has the VTIMEZONE for that TZID, before the VEVENT', () => {
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
    const lines = unfoldedLines(ics);
    expect(lines.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('has SUMMARY, DESCRIPTION, LOCATION, STATUS:CONFIRMED', () => {
    expect(event.getFirstPropertyValue('summary')).toBe('Launch party');
    expect(event.getFirstPropertyValue('description')).toBe('Drinks on the roof.\nBring a friend.');
    expect(event.getFirstPropertyValue('location')).toBe('Rooftop, 1 Main St');
    expect(unfoldedLines(ics)).toContain('LOCATION:Rooftop\\, 1 Main St');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('has the RSVP address as ORGANIZER, named after the organizer, and not the recipient', () => {
    const organizer = event.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:rsvp@calendar.example');
    expect(organizer.getParameter('cn')).toBe('Ada Lovelace');
    expect(organizer.getFirstValue()).not.toBe(event.getFirstPropertyValue('attendee'));
  });

  it('names the organizer by email when there is no name, and not at all when there is neither', () => {
    const byEmail = readCalendar(buildRequest(makeItipInput({ organizer: { name: null, email: 'ada@example.com' } }))).event;
    expect(byEmail.getFirstProperty('organizer')!.getParameter('cn')).toBe('ada@example.com');
    const nameless = buildRequest(makeItipInput({ organizer: {} }));
    expect(unfoldedLines(nameless)).toContain('ORGANIZER:mailto:rsvp@calendar.example');
  });

  it('has exactly one ATTENDEE, the recipient: CN, REQ-PARTICIPANT, NEEDS-ACTION, RSVP=TRUE', () => {
    const attendees = event.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0]!;
    expect(attendee.getFirstValue()).toBe('mailto:grace@example.com');
    expect(attendee.getParameter('cn')).toBe('Grace Hopper');
    expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee.getParameter('rsvp')).toBe('TRUE');
    expect(attendee.getParameter('cutype')).toBe('INDIVIDUAL');
  });

  it('is CRLF lines of at most 75 octets each', () => {
    expect(ics).not.toMatch(/[^\r]\n/);
    for (const line of physicalLines(ics)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('leaves out DESCRIPTION and LOCATION when the event has none', () => {
    const bare = readCalendar(buildRequest(makeItipInput({ event: { description: null, location: null } }))).event;
    expect(bare.getFirstProperty('description')).toBeNull();
    expect(bare.getFirstProperty('location')).toBeNull();
  });
});

describe('an updated REQUEST', () => {
  it('is the same object with the new SEQUENCE and times, and the same UID', () => {
    const first = readCalendar(buildRequest(makeItipInput())).event;
    const update = readCalendar(buildRequest(makeItipInput({ event: { sequence: 1, startsAt: '2026-03-11T13:00:00Z', endsAt: '2026-03-11T14:00:00Z' } }))).event;
    expect(update.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(update.getFirstPropertyValue('sequence')).toBe(1);
    expect(instantOf(update, 'dtstart')).toBe('2026-03-11T13:00:00.000Z');
    expect(update.getFirstProperty('attendee')!.getParameter('partstat')).toBe('NEEDS-ACTION');
  });
});

describe('a CANCEL (RFC 5546 section 3.2.5)', () => {
  const ics = buildCancel({ ...makeItipInput({ event: { sequence: 3 } }), reason: 'Venue flooded; sorry, all' });
  const { calendar, event } = readCalendar(ics);

  it('has METHOD:CANCEL, STATUS:CANCELLED, the same UID and the SEQUENCE it was given', () => {
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe('evt-1@calendar.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(3);
    expect(event.getFirstProperty('dtstamp')!.toICALString()).toBe('DTSTAMP:20260105T100000Z');
  });

  it('names the ORGANIZER and the attendee being told, without asking for an answer', () => {
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:rsvp@calendar.example');
    const attendee = event.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:grace@example.com');
    expect(attendee.getParameter('rsvp')).toBeUndefined();
    expect(attendee.getParameter('partstat')).toBeUndefined();
  });

  it('keeps the times and summary, and says why in COMMENT', () => {
    expect(instantOf(event, 'dtstart')).toBe('2026-03-10T13:00:00.000Z');
    expect(event.getFirstPropertyValue('summary')).toBe('Launch party');
    expect(event.getFirstPropertyValue('comment')).toBe('Venue flooded; sorry, all');
    expect(event.getFirstProperty('transp')).toBeNull();
  });

  it('is what buildItip gives for CANCEL', () => {
    expect(buildItip('CANCEL', makeItipInput())).toBe(buildCancel(makeItipInput()));
  });
});

describe('time zones and DST edges', () => {
  it('writes a UTC event with Z times and no VTIMEZONE', () => {
    const ics = buildRequest(makeItipInput({ event: { timeZone: 'UTC' } }));
    expect(unfoldedLines(ics)).toContain('DTSTART:20260310T130000Z');
    expect(unfoldedLines(ics)).toContain('DTEND:20260310T143000Z');
    expect(ics).not.toContain('VTIMEZONE');
    expect(ics).not.toContain('TZID');
    expect(instantOf(readCalendar(ics).event, 'dtstart')).toBe('2026-03-10T13:00:00.000Z');
  });

  it.each([
    // Europe/Paris springs forward at 01:00Z on the last Sunday of March: 02:00 CET becomes 03:00 CEST.
    ['Europe/Paris', '2026-03-29T00:59:00Z', '20260329T015900'],
    ['Europe/Paris', '2026-03-29T01:00:00Z', '20260329T030000'],
    // ... and falls back at 01:00Z on the last Sunday of October.
    ['Europe/Paris', '2026-10-25T02:00:00Z', '20261025T030000'],
    // America/New_York: second Sunday of March, first Sunday of November, at 02:00 local.
    ['America/New_York', '2026-03-08T07:00:00Z', '20260308T030000'],
    ['America/New_York', '2026-03-08T06:59:00Z', '20260308T015900'],
    ['America/New_York', '2026-11-01T07:00:00Z', '20261101T020000'],
    // Australia/Lord_Howe: half-hour DST, 02:00 +1030 becomes 02:30 +1100 on the first Sunday of October.
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '20261004T023000'],
    ['Australia/Lord_Howe', '2026-10-03T15:29:00Z', '20261004T015900'],
    // Asia/Kolkata: no DST, +0530 all year.
    ['Asia/Kolkata', '2026-03-29T01:00:00Z', '20260329T063000'],
    // America/Mexico_City in its last DST summer (abolished October 2022).
    ['America/Mexico_City', '2022-06-01T15:00:00Z', '20220601T100000'],
    ['America/Mexico_City', '2023-06-01T15:00:00Z', '20230601T090000'],
  ])('%s: an event starting at %s shows %s and reads back as that instant', (timeZone, startsAt, local) => {
    const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const ics = buildRequest(makeItipInput({ event: { timeZone, startsAt, endsAt } }));
    expect(unfoldedLines(ics)).toContain(`DTSTART;TZID=${timeZone}:${local}`);
    const { event } = readCalendar(ics);
    expect(instantOf(event, 'dtstart')).toBe(new Date(startsAt).toISOString());
    expect(instantOf(event, 'dtend')).toBe(endsAt);
  });

  it.each(['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'])('writes a start in the hour that happens twice (%s, Europe/Paris) in UTC, since a TZID time means only the first', (startsAt) => {
    const endsAt = '2026-10-25T03:00:00.000Z';
    const ics = buildRequest(makeItipInput({ event: { startsAt, endsAt } }));
    expect(unfoldedLines(ics)).toContain(`DTSTART:${startsAt.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(unfoldedLines(ics)).toContain('DTEND;TZID=Europe/Paris:20261025T040000');
    const { event } = readCalendar(ics);
    expect(instantOf(event, 'dtstart')).toBe(new Date(startsAt).toISOString());
    expect(instantOf(event, 'dtend')).toBe(endsAt);
  });
});

describe('user text cannot break a line or add a property', () => {
  const attack = '\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@evil.example\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil';
  const ics = buildRequest(
    makeItipInput({
      event: { title: `Party${attack}`, location: `Room 1${attack}`, description: `Hello${attack}\u0000\u001b` },
      attendee: { email: 'grace@example.com', name: `Grace";PARTSTAT=ACCEPTED${attack}` },
      organizer: { name: `Ada:${attack}` },
    }),
  );
  const { event } = readCalendar(ics);

  it('keeps one VEVENT, one ATTENDEE, one UID, and the property names it writes', () => {
    expect(event.getAllProperties('attendee')).toHaveLength(1);
    expect(event.getAllProperties('uid')).toHaveLength(1);
    expect(event.getFirstPropertyValue('uid')).toBe('evt-1@calendar.example');
    const names = unfoldedLines(ics).map((line) => /^[A-Z-]+/.exec(line)![0]);
    expect(new Set(names)).toEqual(
      new Set(['BEGIN', 'END', 'PRODID', 'VERSION', 'CALSCALE', 'METHOD', 'TZID', 'TZOFFSETFROM', 'TZOFFSETTO', 'TZNAME', 'DTSTART', 'RRULE', 'UID', 'DTSTAMP', 'SEQUENCE', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'STATUS', 'TRANSP', 'ORGANIZER', 'ATTENDEE']),
    );
    expect(unfoldedLines(ics).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('keeps the attendee’s answer at NEEDS-ACTION and the address the recipient’s', () => {
    const attendee = event.getFirstProperty('attendee')!;
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee.getFirstValue()).toBe('mailto:grace@example.com');
    expect(attendee.getParameter('cn')).toBe("Grace';PARTSTAT=ACCEPTED ATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@evil.example END:VEVENT BEGIN:VEVENT UID:evil");
  });

  it('puts the title on one line and keeps line breaks of the description as text', () => {
    expect(event.getFirstPropertyValue('summary')).toBe('Party ATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@evil.example END:VEVENT BEGIN:VEVENT UID:evil');
    expect(event.getFirstPropertyValue('description')).toBe('Hello\nATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@evil.example\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil');
    expect(event.getFirstPropertyValue('location')).toBe('Room 1\nATTENDEE;PARTSTAT=ACCEPTED:mailto:eve@evil.example\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil');
  });

  it('has no bare CR or LF, and no control character at all', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
  });
});

describe('folding with multi-byte text', () => {
  it('folds long UTF-8 titles, names and descriptions at 75 octets, and ical.js reads them back whole', () => {
    const title = `Réunion d’équipe 会議 🎉 ${'Ωμέγα '.repeat(20)}`.trim();
    const name = `Zoë 😀 Ünïcødé, ${'名前'.repeat(30)}`;
    const ics = buildRequest(makeItipInput({ event: { title, description: `${'☃'.repeat(100)}\n${'x'.repeat(200)}` }, attendee: { email: 'zoe@example.com', name } }));
    for (const line of physicalLines(ics)) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line).toString()).toBe(line);
    }
    const { event } = readCalendar(ics);
    expect(event.getFirstPropertyValue('summary')).toBe(title);
    expect(event.getFirstProperty('attendee')!.getParameter('cn')).toBe(name);
    expect(event.getFirstPropertyValue('description')).toBe(`${'☃'.repeat(100)}\n${'x'.repeat(200)}`);
  });

  it('quotes a CN holding a comma: CN="Doe, Jane"', () => {
    const ics = buildRequest(makeItipInput({ attendee: { email: 'jane@example.com', name: 'Doe, Jane' } }));
    expect(unfoldedLines(ics).find((l) => l.startsWith('ATTENDEE'))).toMatch(/^ATTENDEE;CN="Doe, Jane";/);
  });
});

describe('refused input (permanent errors)', () => {
  it.each([
    ['the attendee is the RSVP address', makeItipInput({ attendee: { email: 'RSVP@calendar.example' } }), /RSVP address/],
    ['an attendee address with a line break', makeItipInput({ attendee: { email: 'grace@example.com\r\nATTENDEE:mailto:eve@evil.example' } }), /attendee/],
    ['an attendee address with a semicolon', makeItipInput({ attendee: { email: 'grace;x@example.com' } }), /attendee/],
    ['an attendee address without @', makeItipInput({ attendee: { email: 'grace' } }), /attendee/],
    ['an RSVP address with a quote', makeItipInput({ rsvpAddress: 'rsvp"@calendar.example' }), /RSVP address/],
    ['an unknown time zone', makeItipInput({ event: { timeZone: 'Europe/Atlantis' } }), /timeZone/],
    ['an end before the start', makeItipInput({ event: { endsAt: '2026-03-10T12:00:00Z' } }), /ends/],
    ['a start that is no date', makeItipInput({ event: { startsAt: 'soon' } }), /startsAt/],
    ['a negative sequence', makeItipInput({ event: { sequence: -1 } }), /sequence/],
    ['an event id that cannot be in a UID', makeItipInput({ event: { id: 'evt 1\r\nX' } }), /UID/],
    ['a mail domain that is not a host name', makeItipInput({ mailDomain: 'calendar.example\r\nX:1' }), /mail domain/],
  ])('refuses %s', (_what, input, message) => {
    expect(() => buildRequest(input)).toThrow(MalformedInputError);
    expect(() => buildRequest(input)).toThrow(message);
  });
});

describe('what ical.js itself would write', () => {
  it('reads our object into the same jCal it writes back (no property lost or changed)', () => {
    const ics = buildRequest(makeItipInput({ attendee: { email: 'jane@example.com', name: 'Doe, Jane' } }));
    const jcal = ICAL.parse(ics);
    expect(ICAL.parse(new ICAL.Component(jcal).toString())).toEqual(jcal);
  });
});
