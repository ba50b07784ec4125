// The viewer's reading of a text/calendar part: METHOD, DTSTART/DTEND with TZID converted with
// the message's VTIMEZONE (RFC 5545 section 3.6.5), ORGANIZER, ATTENDEE with PARTSTAT, ROLE and
// RSVP defaults (RFC 5545 section 3.2), SEQUENCE, STATUS, upper-case MAILTO: (RFC 5545 3.3.3).
import { describe, expect, it } from 'vitest';
import { calendarView } from '../../../../local/ses/viewer/calendarView';

const PARIS = [
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
];

const ics = (event: string[], zones: string[] = PARIS) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Calendar Invite Server//EN', 'METHOD:REQUEST', ...zones, 'BEGIN:VEVENT', ...event, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('calendarView', () => {
  it('reads an invitation: method, times with their zone, organizer, attendees, sequence, status', () => {
    const view = calendarView(
      ics([
        'UID:evt-1@calendar.localhost',
        'DTSTAMP:20300101T090000Z',
        'DTSTART;TZID=Europe/Paris:20300702T100000',
        'DTEND;TZID=Europe/Paris:20300702T110000',
        'SUMMARY:Planning\\, Q3',
        'LOCATION:Room 1',
        'SEQUENCE:2',
        'STATUS:CONFIRMED',
        'ORGANIZER;CN=Ada Lovelace:mailto:ada@calendar.localhost',
        'ATTENDEE;CN="Doe, Bob";PARTSTAT=ACCEPTED;ROLE=OPT-PARTICIPANT;RSVP=TRUE:MAILTO:bob@example.org',
        'ATTENDEE:mailto:eve@example.org',
      ]),
      'request',
    );
    expect(view).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST', prodid: '-//Calendar Invite Server//EN' });
    const [event] = view.events;
    expect(event).toMatchObject({
      uid: 'evt-1@calendar.localhost',
      summary: 'Planning, Q3',
      location: 'Room 1',
      sequence: 2,
      status: 'CONFIRMED',
      organizer: { address: 'ada@calendar.localhost', name: 'Ada Lovelace' },
      start: { value: '2030-07-02T10:00:00', tzid: 'Europe/Paris', utc: '2030-07-02T08:00:00.000Z', allDay: false },
      end: { utc: '2030-07-02T09:00:00.000Z' },
      dtstamp: { utc: '2030-01-01T09:00:00.000Z' },
    });
    expect(event!.attendees).toEqual([
      { address: 'bob@example.org', name: 'Doe, Bob', partstat: 'ACCEPTED', role: 'OPT-PARTICIPANT', rsvp: true, cutype: undefined, delegatedTo: undefined, delegatedFrom: undefined, sentBy: undefined },
      { address: 'eve@example.org', name: undefined, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT', rsvp: false, cutype: undefined, delegatedTo: undefined, delegatedFrom: undefined, sentBy: undefined },
    ]);
  });

  it('uses the winter offset of the VTIMEZONE in winter', () => {
    const [event] = calendarView(ics(['UID:2', 'DTSTAMP:20300101T000000Z', 'DTSTART;TZID=Europe/Paris:20301215T100000'])).events;
    expect(event!.start!.utc).toBe('2030-12-15T09:00:00.000Z');
  });

  it('falls back to the IANA zone of the TZID when the message has no VTIMEZONE, and shows all-day dates as dates', () => {
    const [event] = calendarView(ics(['UID:3', 'DTSTAMP:20300101T000000Z', 'DTSTART;TZID=America/New_York:20300702T100000', 'DTEND;VALUE=DATE:20300703'], [])).events;
    expect(event!.start).toMatchObject({ utc: '2030-07-02T14:00:00.000Z', tzid: 'America/New_York' });
    expect(event!.end).toMatchObject({ value: '2030-07-03', allDay: true });
  });

  it('reports what it cannot read instead of failing', () => {
    expect(calendarView('not a calendar').error).toBeDefined();
    const [event] = calendarView(ics(['UID:4', 'DTSTAMP:20300101T000000Z', 'DTSTART;TZID=Mars/Olympus:20300702T100000'], [])).events;
    expect(event!.start).toMatchObject({ tzid: 'Mars/Olympus', note: 'no VTIMEZONE for Mars/Olympus in the message' });
    expect(event!.start!.utc).toBeUndefined();
  });
});
