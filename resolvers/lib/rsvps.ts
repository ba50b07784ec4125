// RSVP rules as plain data: answers are iCalendar PARTSTATs; a mail reply older than the
// answer already recorded changes nothing (RFC 5546 section 2.1.5: SEQUENCE first, then
// DTSTAMP); comments are bounded. A new acceptance is told to the organizer as they chose:
// a notice per answer, or listed in its digest window (aligned windows of the stack's length).
import type { AcceptanceEntry, AcceptanceNoticesSetting, AnswerRecord, AttendeeRecord, AttendeeStatus, EventRecord, RsvpResponse } from './records';

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

/**
 * Whether an answer tells the organizer of a new acceptance: ACCEPTED from any other status.
 * ACCEPTED again (a repeated reply, a changed comment) tells nothing new.
 */
export function isNewAcceptance(previous: AttendeeStatus, response: RsvpResponse): boolean {
  return response === 'ACCEPTED' && previous !== 'ACCEPTED';
}

/** How an organizer hears of acceptances when they never chose: as calendar apps do, on each reply. */
export const DEFAULT_ACCEPTANCE_NOTICES: AcceptanceNoticesSetting = 'EACH_ANSWER';

export function acceptanceNoticesOf(organizer: { acceptanceNotices?: AcceptanceNoticesSetting | null } | null): AcceptanceNoticesSetting {
  const setting = organizer ? organizer.acceptanceNotices : null;
  return setting === 'DIGEST' || setting === 'OFF' || setting === 'EACH_ANSWER' ? setting : DEFAULT_ACCEPTANCE_NOTICES;
}

export const ACCEPTANCE_DIGEST_LIMITS = {
  /** Acceptances a window lists (all are counted): ~1 KB each at most, so the item stays far below 400 KB. */
  listed: 50,
  /** A window's item expires this long after its end if no digest ever took it. */
  keepSeconds: 7 * 24 * 60 * 60,
} as const;

/**
 * The digest window (epoch seconds) a moment falls in: windows of `windowSeconds` aligned on
 * the epoch (whole hours for an hour), so that every answer finds its window's key without
 * reading anything, and no answer can land in a window after it has been closed.
 */
export function digestWindow(nowSeconds: number, windowSeconds: number): { start: number; end: number } {
  const start = Math.floor(nowSeconds / windowSeconds) * windowSeconds;
  return { start, end: start + windowSeconds };
}

/** One acceptance as a digest lists it. */
export function acceptanceEntry(
  event: Pick<EventRecord, 'id' | 'title'>,
  attendee: Pick<AttendeeRecord, 'email' | 'name'>,
  answer: Pick<AnswerRecord, 'comment' | 'via' | 'answeredAt'>,
): AcceptanceEntry {
  return {
    eventId: event.id,
    eventTitle: event.title,
    email: attendee.email,
    name: attendee.name ?? null,
    comment: answer.comment,
    via: answer.via,
    answeredAt: answer.answeredAt,
  };
}

/**
 * The UpdateItem (plain values) adding an acceptance to its window: counted always, listed
 * while the window read had fewer than ACCEPTANCE_DIGEST_LIMITS.listed (concurrent answers
 * may list a few more: the bound is what matters). The first one creates the item.
 */
export function windowUpdate(
  entry: AcceptanceEntry,
  window: { organizerId: string; windowStart: string; windowEnd: string; expiresAt: number; countRead: number },
) {
  const names: Record<string, string> = { '#organizerId': 'organizerId', '#windowStart': 'windowStart', '#windowEnd': 'windowEnd', '#expiresAt': 'expiresAt', '#count': 'count' };
  const values: Record<string, unknown> = { ':organizerId': window.organizerId, ':windowStart': window.windowStart, ':windowEnd': window.windowEnd, ':expiresAt': window.expiresAt, ':one': 1 };
  const sets = ['#organizerId = :organizerId', '#windowStart = :windowStart', '#windowEnd = :windowEnd', '#expiresAt = :expiresAt'];
  if (window.countRead < ACCEPTANCE_DIGEST_LIMITS.listed) {
    names['#acceptances'] = 'acceptances';
    values[':entry'] = [entry];
    values[':none'] = [];
    sets.push('#acceptances = list_append(if_not_exists(#acceptances, :none), :entry)');
  }
  return { expression: `SET ${sets.join(', ')} ADD #count :one`, expressionNames: names, expressionValues: values };
}
