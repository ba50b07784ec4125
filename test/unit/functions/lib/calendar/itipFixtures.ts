// Inputs for the calendar and mail library tests, and ical.js readers for their output.
import ICAL from 'ical.js';
import type { ItipEvent, ItipInput } from '../../../../../functions/lib/calendar/buildItip';

export function makeItipEvent(overrides: Partial<ItipEvent> = {}): ItipEvent {
  return {
    id: 'evt-1',
    title: 'Launch party',
    description: 'Drinks on the roof.\nBring a friend.',
    location: 'Rooftop, 1 Main St',
    startsAt: '2026-03-10T13:00:00.000Z',
    endsAt: '2026-03-10T14:30:00.000Z',
    timeZone: 'Europe/Paris',
    sequence: 0,
    ...overrides,
  };
}

export function makeItipInput(overrides: Omit<Partial<ItipInput>, 'event'> & { event?: Partial<ItipEvent> } = {}): ItipInput {
  const { event, ...rest } = overrides;
  return {
    organizer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    rsvpAddress: 'rsvp@calendar.example',
    attendee: { email: 'grace@example.com', name: 'Grace Hopper' },
    mailDomain: 'calendar.example',
    now: new Date('2026-01-05T10:00:00.000Z'),
    ...rest,
    event: makeItipEvent(event),
  };
}

/** The parsed VCALENDAR, with its VTIMEZONE (if any) registered in ical.js's TimezoneService first. */
export function readCalendar(ics: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  return { calendar, event: events[0]! };
}

/** A DATE-TIME property as the UTC instant ical.js reads (the zone comes from the registered VTIMEZONE). */
export function instantOf(event: ICAL.Component, name: string): string {
  const time = event.getFirstPropertyValue(name) as ICAL.Time;
  return new Date(time.toUnixTime() * 1000).toISOString();
}

/** The physical lines (CRLF-separated) of an iCalendar stream, without the empty one after the last CRLF. */
export function physicalLines(ics: string): string[] {
  const lines = ics.split('\r\n');
  if (lines.at(-1) !== '') throw new Error('the stream does not end with CRLF');
  return lines.slice(0, -1);
}

/** The content lines, unfolded (RFC 5545 section 3.1). */
export function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}
