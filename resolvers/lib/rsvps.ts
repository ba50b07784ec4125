// RSVP rules as plain data: answers are iCalendar PARTSTATs; a mail reply older than the
// answer already recorded changes nothing (RFC 5546 section 2.1.5: SEQUENCE first, then
// DTSTAMP); comments are bounded.
import type { AttendeeStatus, RsvpResponse } from './records';

export const RSVP_LIMITS = {
  commentMaxLength: 500,
} as const;

/** The organizer's statistics attribute an answer adds to (OrganizerRecord top-level counters). */
export function organizerStatField(response: RsvpResponse): 'rsvpsAccepted' | 'rsvpsDeclined' | 'rsvpsTentative' {
  if (response === 'ACCEPTED') return 'rsvpsAccepted';
  if (response === 'DECLINED') return 'rsvpsDeclined';
  return 'rsvpsTentative';
}

/** The attendee's status after an answer. */
export function statusOf(response: RsvpResponse): AttendeeStatus {
  return response;
}

/**
 * Whether a reply (sequence, DTSTAMP in epoch milliseconds) is older than the answer recorded:
 * a lower SEQUENCE, or the same SEQUENCE with an earlier or equal DTSTAMP (the same reply
 * again). The caller converts the recorded DTSTAMP (APPSYNC_JS: util.time).
 */
export function isStaleReply(recorded: { sequence: number; dtstampMs: number } | null, sequence: number, dtstampMs: number): boolean {
  if (!recorded) return false;
  if (sequence !== recorded.sequence) return sequence < recorded.sequence;
  return dtstampMs <= recorded.dtstampMs;
}

/** The comment trimmed, null when empty. */
export function cleanComment(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  return text.length > 0 ? text : null;
}
