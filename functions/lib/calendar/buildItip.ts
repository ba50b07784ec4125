// iTIP messages (RFC 5546) for one attendee of an event: REQUEST (an invitation, or an update
// when the event's SEQUENCE has grown) and CANCEL. Each carries what the clients need to show
// Yes / Maybe / No (reference/itip.md section 4): METHOD, an ORGANIZER that is not the
// recipient and receives the replies (the RSVP mailbox), the recipient as ATTENDEE with
// PARTSTAT=NEEDS-ACTION and RSVP=TRUE, UID, DTSTAMP, SEQUENCE, and local times with TZID and
// the matching VTIMEZONE.
import type { EventRecord } from '../../../resolvers/lib/records';
import { MalformedInputError } from '../errors';
import { calAddress, mailAddress, sameAddress } from './calAddress';
import { contentLine, escapeText, serialize } from './contentLine';
import { utcDateTime, zonedDateTime, type DateTimeValue } from './dateTimeValue';
import { eventUid } from './eventUid';
import { singleLineText } from './plainText';
import { vtimezoneLines } from './vtimezone';
import { resolveTimeZone } from './zonedTime';

export const PRODID = '-//Calendar Invite Server//Invitations 1.0//EN';

export type ItipMethod = 'REQUEST' | 'CANCEL';

/** The fields of an event an invitation shows: an EventRecord or an EventView will do. */
export type ItipEvent = Pick<EventRecord, 'id' | 'title' | 'description' | 'location' | 'startsAt' | 'endsAt' | 'timeZone' | 'sequence'>;

export type ItipInput = {
  /** Its `sequence` is written as it is: the caller increments it for an update or a cancellation. */
  event: ItipEvent;
  /** Shown as the ORGANIZER's CN (the name, else the email); the address itself is never written. */
  organizer: { name?: string | null; email?: string | null };
  /** RSVP_EMAIL: the ORGANIZER's address, where clients send their REPLY. */
  rsvpAddress: string;
  /** The recipient: the one ATTENDEE. */
  attendee: { email: string; name?: string | null };
  /** The UID's domain: `<event id>@<mailDomain>`. */
  mailDomain: string;
  /** DTSTAMP: when this message is made. */
  now: Date;
};

export type CancelInput = ItipInput & {
  /** Written as COMMENT when given. */
  reason?: string | null;
};

/**
 * An invitation, or an update of one (the same UID with a higher SEQUENCE).
 *
 * @example
 * const ics = buildRequest({
 *   event, // EventRecord: id, title, description, location, startsAt, endsAt, timeZone, sequence
 *   organizer: { name: 'Ada Lovelace' },
 *   rsvpAddress: 'rsvp@calendar.example',
 *   attendee: { email: 'grace@example.com', name: 'Grace Hopper' },
 *   mailDomain: 'calendar.example',
 *   now: new Date(),
 * });
 */
export function buildRequest(input: ItipInput): string {
  return buildItip('REQUEST', input);
}

/** The event is cancelled, for this attendee (the whole event, or their place in it). */
export function buildCancel(input: CancelInput): string {
  return buildItip('CANCEL', input);
}

/** The iCalendar object (CRLF lines, folded at 75 octets) of an iTIP `method` for one attendee. */
export function buildItip(method: ItipMethod, input: ItipInput & { reason?: string | null }): string {
  const { event } = input;
  const start = instant(event.startsAt, 'startsAt');
  const end = instant(event.endsAt, 'endsAt');
  if (end <= start) throw new MalformedInputError(`event ${event.id} ends (${event.endsAt}) before it starts (${event.startsAt})`);
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new MalformedInputError(`event ${event.id} has sequence ${event.sequence}`);
  const attendee = mailAddress(input.attendee.email, 'the attendee');
  const organizer = mailAddress(input.rsvpAddress, 'the RSVP address');
  // Clients show no answer buttons on what looks like the organizer's own copy (itip.md section 4).
  if (sameAddress(attendee, organizer)) throw new MalformedInputError('the attendee is the RSVP address (the ORGANIZER): clients would treat the invitation as their own');

  const zone = resolveTimeZone(event.timeZone);
  const dtstart = zonedDateTime(zone.tzid, zone.isUtc, start);
  const dtend = zonedDateTime(zone.tzid, zone.isUtc, end);
  const needsZone = dtstart.tzid !== undefined || dtend.tzid !== undefined;

  const organizerName = singleLineText(input.organizer.name) || singleLineText(input.organizer.email);
  const attendeeName = singleLineText(input.attendee.name);
  const description = event.description ? escapeText(event.description) : '';
  const location = event.location ? escapeText(event.location) : '';
  const reason = input.reason ? escapeText(input.reason) : '';

  const lines = [
    'BEGIN:VCALENDAR',
    contentLine('PRODID', {}, PRODID),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...(needsZone ? vtimezoneLines(zone.tzid, start, end) : []),
    'BEGIN:VEVENT',
    contentLine('UID', {}, escapeText(eventUid(event.id, input.mailDomain))),
    contentLine('DTSTAMP', {}, utcDateTime(input.now.getTime())),
    contentLine('SEQUENCE', {}, String(event.sequence)),
    dateTimeLine('DTSTART', dtstart),
    dateTimeLine('DTEND', dtend),
    contentLine('SUMMARY', {}, escapeText(singleLineText(event.title))),
    ...(description ? [contentLine('DESCRIPTION', {}, description)] : []),
    ...(location ? [contentLine('LOCATION', {}, location)] : []),
    contentLine('STATUS', {}, method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'),
    ...(method === 'REQUEST' ? [contentLine('TRANSP', {}, 'OPAQUE')] : []),
    ...(reason ? [contentLine('COMMENT', {}, reason)] : []),
    contentLine('ORGANIZER', { CN: organizerName || undefined }, calAddress(organizer)),
    method === 'REQUEST'
      ? contentLine('ATTENDEE', { CN: attendeeName || undefined, CUTYPE: 'INDIVIDUAL', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' }, calAddress(attendee))
      : contentLine('ATTENDEE', { CN: attendeeName || undefined, CUTYPE: 'INDIVIDUAL', ROLE: 'REQ-PARTICIPANT' }, calAddress(attendee)),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return serialize(lines);
}

function dateTimeLine(name: 'DTSTART' | 'DTEND', value: DateTimeValue): string {
  return contentLine(name, { TZID: value.tzid }, value.value);
}

function instant(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new MalformedInputError(`${field} ${JSON.stringify(iso)} is not a date-time`);
  return ms;
}
