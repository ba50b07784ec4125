// One iCalendar object read as an emailed event request (RFC 5546 section 3.2.2): METHOD
// REQUEST and one VEVENT, which becomes createEvent's input (SUMMARY -> title, DESCRIPTION,
// LOCATION, the times of requestTimes.ts) and the attendees to invite (requestAttendees.ts).
// UID and SEQUENCE (0 when absent) identify the request: the same one mailed twice creates
// one event. As for replies, the body's METHOD decides, not the MIME `method` parameter.
// Refused, with the reason the organizer is told: several VEVENTs (a recurring event's
// overrides, or several events: one request creates one event), a recurrence rule (events
// here happen once), no DTSTART, an unknown time zone, a bad SEQUENCE. What createEvent
// checks itself (a blank title, the end before the start, lengths) is left to it.
import ICAL from 'ical.js';
import { requestAttendees, type RequestAttendees } from './requestAttendees';
import { requestTimes } from './requestTimes';

export type EventRequestInput = {
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
};

export type ItipRequest = RequestAttendees & {
  /** null when the calendar has none: the request is then told apart by its message alone. */
  uid: string | null;
  sequence: number;
  input: EventRequestInput;
};

export type ParsedRequest =
  | { kind: 'request'; request: ItipRequest }
  /** A calendar, but no REQUEST: a PUBLISH (a plain .ics), a REPLY, a CANCEL ... */
  | { kind: 'notRequest'; method: string | null }
  | { kind: 'invalid'; problem: string };

export function parseEventRequest(text: string, skip: (email: string) => boolean): ParsedRequest {
  let calendars: ICAL.Component[];
  try {
    const parsed = ICAL.parse(text) as unknown[];
    calendars = (typeof parsed[0] === 'string' ? [parsed] : parsed).map((jcal) => new ICAL.Component(jcal as unknown[]));
  } catch (error) {
    return { kind: 'invalid', problem: `the calendar is not iCalendar (${(error as Error).message})` };
  }
  if (calendars.length !== 1 || calendars[0]!.name !== 'vcalendar') return { kind: 'invalid', problem: 'the calendar part does not hold one VCALENDAR' };
  const calendar = calendars[0]!;
  const method = String(calendar.getFirstPropertyValue('method') ?? '').trim().toUpperCase() || null;
  if (method !== 'REQUEST') return { kind: 'notRequest', method };
  try {
    return readRequest(calendar, skip);
  } catch (error) {
    // ical.js parses values lazily: a malformed date or duration throws here.
    return { kind: 'invalid', problem: `the REQUEST has a malformed value (${(error as Error).message})` };
  }
}

function readRequest(calendar: ICAL.Component, skip: (email: string) => boolean): ParsedRequest {
  const invalid = (problem: string): ParsedRequest => ({ kind: 'invalid', problem });
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) return invalid(`a request creates one event and holds one VEVENT; this one holds ${events.length}`);
  const vevent = events[0]!;
  if (vevent.hasProperty('rrule') || vevent.hasProperty('rdate')) return invalid('the event repeats (RRULE or RDATE): only single events can be created');

  const rawSequence = vevent.getFirstPropertyValue('sequence') ?? 0;
  const sequence = Number(rawSequence);
  if (!Number.isSafeInteger(sequence) || sequence < 0) return invalid(`the SEQUENCE ${JSON.stringify(String(rawSequence))} is not a whole number of 0 or more`);

  const times = requestTimes(vevent, calendar);
  if ('problem' in times) return invalid(times.problem);

  const uid = text(vevent, 'uid');
  return {
    kind: 'request',
    request: {
      uid,
      sequence,
      input: { title: text(vevent, 'summary') ?? '', description: text(vevent, 'description'), location: text(vevent, 'location'), ...times },
      ...requestAttendees(vevent, skip),
    },
  };
}

function text(vevent: ICAL.Component, name: string): string | null {
  const value = vevent.getFirstPropertyValue(name);
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed || null;
}
