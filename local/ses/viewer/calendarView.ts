// A text/calendar part as the mail viewer shows it, read with ical.js: the METHOD (and the MIME
// part's `method` parameter, which RFC 6047 section 2.4 requires to equal it), and per VEVENT
// its UID, SUMMARY, DTSTART/DTEND with TZID, LOCATION, ORGANIZER, ATTENDEEs with PARTSTAT,
// ROLE and RSVP, SEQUENCE, STATUS, DTSTAMP, RECURRENCE-ID.
// Times with a TZID are converted to UTC with the calendar's own VTIMEZONE (RFC 5545 section
// 3.6.5: every TZID used must have one); when it lacks one and the TZID is an IANA name, with
// the runtime's time-zone data; otherwise they are shown as written. ical.js's global
// TimezoneService is not used, so one message's zones do not leak into another's.
import ICAL from 'ical.js';

export type TimeView = {
  /** As written, e.g. 2030-07-02T10:00:00 or 2030-07-02 (all-day). */
  value: string;
  tzid?: string;
  /** ISO-8601 UTC instant, when it can be known. */
  utc?: string;
  allDay: boolean;
  /** Why utc is missing, or how it was obtained. */
  note?: string;
};

export type PersonView = { address: string; name?: string; sentBy?: string };
export type AttendeeView = PersonView & { partstat: string; role: string; rsvp: boolean; cutype?: string; delegatedTo?: string; delegatedFrom?: string };

export type EventView = {
  uid?: string;
  summary?: string;
  description?: string;
  location?: string;
  status?: string;
  sequence: number;
  dtstamp?: TimeView;
  start?: TimeView;
  end?: TimeView;
  recurrenceId?: TimeView;
  organizer?: PersonView;
  attendees: AttendeeView[];
};

export type CalendarView = {
  method?: string;
  /** The MIME part's `method` parameter. */
  mimeMethod?: string;
  prodid?: string;
  events: EventView[];
  /** Set when the part is not a calendar ical.js can read. */
  error?: string;
};

export function calendarView(text: string, mimeMethod?: string): CalendarView {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return { mimeMethod, events: [], error: (error as Error).message };
  }
  const zones = new Map<string, ICAL.Timezone>();
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const tzid = String(vtimezone.getFirstPropertyValue('tzid') ?? '');
    if (tzid) zones.set(tzid, new ICAL.Timezone(vtimezone));
  }
  return {
    method: stringOf(root.getFirstPropertyValue('method'))?.toUpperCase(),
    mimeMethod: mimeMethod?.toUpperCase(),
    prodid: stringOf(root.getFirstPropertyValue('prodid')),
    events: root.getAllSubcomponents('vevent').map((event) => eventView(event, zones)),
  };
}

function eventView(event: ICAL.Component, zones: Map<string, ICAL.Timezone>): EventView {
  const organizer = event.getFirstProperty('organizer');
  return {
    uid: stringOf(event.getFirstPropertyValue('uid')),
    summary: stringOf(event.getFirstPropertyValue('summary')),
    description: stringOf(event.getFirstPropertyValue('description')),
    location: stringOf(event.getFirstPropertyValue('location')),
    status: stringOf(event.getFirstPropertyValue('status'))?.toUpperCase(),
    // SEQUENCE starts at 0 when absent (RFC 5545 section 3.8.7.4).
    sequence: Number(event.getFirstPropertyValue('sequence') ?? 0) || 0,
    dtstamp: timeView(event.getFirstProperty('dtstamp'), zones),
    start: timeView(event.getFirstProperty('dtstart'), zones),
    end: timeView(event.getFirstProperty('dtend'), zones),
    recurrenceId: timeView(event.getFirstProperty('recurrence-id'), zones),
    organizer: organizer ? person(organizer) : undefined,
    attendees: event.getAllProperties('attendee').map((attendee) => ({
      ...person(attendee),
      // Defaults of RFC 5545 section 3.2: PARTSTAT NEEDS-ACTION, ROLE REQ-PARTICIPANT, RSVP FALSE.
      partstat: String(attendee.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase(),
      role: String(attendee.getParameter('role') ?? 'REQ-PARTICIPANT').toUpperCase(),
      rsvp: String(attendee.getParameter('rsvp') ?? 'FALSE').toUpperCase() === 'TRUE',
      cutype: parameter(attendee, 'cutype'),
      delegatedTo: parameter(attendee, 'delegated-to'),
      delegatedFrom: parameter(attendee, 'delegated-from'),
    })),
  };
}

function person(property: ICAL.Property): PersonView {
  const value = String(property.getFirstValue() ?? '');
  return {
    // The mailto: scheme is case-insensitive (RFC 5545 section 3.3.3; Exchange sends MAILTO:).
    address: value.replace(/^mailto:/i, ''),
    name: parameter(property, 'cn'),
    sentBy: parameter(property, 'sent-by')?.replace(/^mailto:/i, ''),
  };
}

function parameter(property: ICAL.Property, name: string): string | undefined {
  const value = property.getParameter(name);
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function timeView(property: ICAL.Property | null, zones: Map<string, ICAL.Timezone>): TimeView | undefined {
  if (!property) return undefined;
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) return { value: String(value), allDay: false, note: 'not a date-time' };
  const tzid = parameter(property, 'tzid');
  const written = value.toString();
  if (value.isDate) return { value: written, tzid, allDay: true };
  if (written.endsWith('Z') || value.zone === ICAL.Timezone.utcTimezone) {
    return { value: written, allDay: false, utc: value.toJSDate().toISOString() };
  }
  if (!tzid) return { value: written, allDay: false, note: 'floating time (no TZID)' };
  const zone = zones.get(tzid);
  if (zone) {
    const local = value.clone();
    local.zone = zone;
    return { value: written, tzid, allDay: false, utc: local.toJSDate().toISOString(), note: 'converted with the VTIMEZONE in the message' };
  }
  const utc = ianaToUtc(value, tzid);
  return utc
    ? { value: written, tzid, allDay: false, utc, note: 'no VTIMEZONE in the message; converted with the IANA zone of that name' }
    : { value: written, tzid, allDay: false, note: `no VTIMEZONE for ${tzid} in the message` };
}

/** Wall time in an IANA zone to UTC, with Intl's zone data (two passes settle DST edges). */
function ianaToUtc(time: ICAL.Time, tzid: string): string | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return undefined;
  }
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc - instant;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}

function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}
