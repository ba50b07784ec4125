// One iCalendar object read as an iTIP REPLY (RFC 5546 section 3.2.3): METHOD:REPLY, one
// VEVENT with the UID of the invitation it answers, exactly one ATTENDEE (the one replying,
// with PARTSTAT), DTSTAMP (when the reply was made), SEQUENCE (0 when absent: the invitation
// it answers), and the attendee's note. ORGANIZER is not required: Exchange leaves it out
// (itip.md section 2). The body's METHOD decides, not the MIME `method` parameter: Google
// sends a COUNTER under `method=REPLY` (itip.md section 6). ical.js unfolds lines (space or
// TAB) and unescapes TEXT; it reads only the VEVENT's own ATTENDEE, never a VALARM's.
import ICAL from 'ical.js';
import { normalizeEmail } from '../../resolvers/lib/keys';
import { replyComment } from './replyComment';

export type ItipReply = {
  uid: string;
  /** The ATTENDEE's address, normalized as the table keys attendees. */
  attendee: string;
  /** PARTSTAT upper-cased as written (NEEDS-ACTION when absent, the RFC default). */
  partstat: string;
  sequence: number;
  /** DTSTAMP as an ISO 8601 UTC instant. */
  dtstamp: string;
  comment: string | null;
};

export type ParsedCalendar =
  | { kind: 'reply'; reply: ItipReply }
  /** A calendar, but no REPLY: an invitation forwarded back, a COUNTER, a plain .ics. */
  | { kind: 'notReply'; method: string | null }
  | { kind: 'invalid'; problem: string };

const MAILTO = /^mailto:/i;

export function parseReply(text: string): ParsedCalendar {
  let calendars: ICAL.Component[];
  try {
    const parsed = ICAL.parse(text) as unknown[];
    // One object parses to a jCal array, several to an array of them.
    calendars = (typeof parsed[0] === 'string' ? [parsed] : parsed).map((jcal) => new ICAL.Component(jcal as unknown[]));
  } catch (error) {
    return { kind: 'invalid', problem: `the calendar part is not iCalendar (${(error as Error).message})` };
  }
  if (calendars.length !== 1 || calendars[0]!.name !== 'vcalendar') return { kind: 'invalid', problem: 'the calendar part does not hold one VCALENDAR' };
  const calendar = calendars[0]!;
  const method = String(calendar.getFirstPropertyValue('method') ?? '').trim().toUpperCase() || null;
  if (method !== 'REPLY') return { kind: 'notReply', method };

  try {
    return readReply(calendar);
  } catch (error) {
    // ical.js parses values lazily: a bad DTSTAMP or SEQUENCE throws here.
    return { kind: 'invalid', problem: `the REPLY has a malformed value (${(error as Error).message})` };
  }
}

function readReply(calendar: ICAL.Component): ParsedCalendar {
  const invalid = (problem: string): ParsedCalendar => ({ kind: 'invalid', problem });
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) return invalid(`a REPLY to one event holds one VEVENT; this one holds ${events.length}`);
  const vevent = events[0]!;

  const uid = String(vevent.getFirstPropertyValue('uid') ?? '').trim();
  if (!uid) return invalid('the REPLY has no UID');

  const attendees = vevent.getAllProperties('attendee');
  if (attendees.length !== 1) return invalid(`a REPLY names exactly one ATTENDEE (the one replying); this one names ${attendees.length}`);
  const attendeeProperty = attendees[0]!;
  const attendee = mailtoAddress(String(attendeeProperty.getFirstValue() ?? ''));
  if (!attendee) return invalid('the ATTENDEE is not a mailto: address');

  const dtstamp = vevent.getFirstPropertyValue('dtstamp');
  if (!(dtstamp instanceof ICAL.Time)) return invalid('the REPLY has no DTSTAMP');
  if (dtstamp.isDate) return invalid('the DTSTAMP is a date, not a date-time');

  const rawSequence = vevent.getFirstPropertyValue('sequence') ?? 0;
  const sequence = Number(rawSequence);
  if (!Number.isSafeInteger(sequence) || sequence < 0) return invalid(`the SEQUENCE ${JSON.stringify(String(rawSequence))} is not a whole number of 0 or more`);

  const partstat = String(attendeeProperty.getParameter('partstat') ?? 'NEEDS-ACTION').trim().toUpperCase();
  return {
    kind: 'reply',
    reply: {
      uid,
      attendee,
      partstat,
      sequence,
      // DTSTAMP must be UTC (RFC 5545 section 3.8.7.2); a floating one is read as UTC too
      // (toUnixTime does), rather than in whatever zone this function runs in.
      dtstamp: new Date(dtstamp.toUnixTime() * 1000).toISOString(),
      comment: replyComment(vevent, attendeeProperty),
    },
  };
}

/** The address of a `mailto:` cal-address (the scheme in any case, percent-escapes decoded), or null. */
export function mailtoAddress(value: string): string | null {
  const trimmed = value.trim();
  if (!MAILTO.test(trimmed)) return null;
  let address = trimmed.replace(MAILTO, '');
  try {
    address = decodeURIComponent(address);
  } catch {
    // Not percent-encoded after all: the address as written.
  }
  const email = normalizeEmail(address);
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || /[\s<>]/.test(email)) return null;
  return email;
}
