// Organizer notices written by resolvers (the outbox: the table's stream delivers them by
// email and on the organizer notices topic). A refused request is recorded before its error
// is returned, so the organizer hears of it even when the caller was a backend function.
import { noticeKey } from './keys';
import type { AcceptanceEntry, AcceptanceWindowRecord, AttendeeStatus, NoticeRecord, RsvpChannel } from './records';

/** A request refused for a suspension or a limit, kept in the stash until noticeRefusal runs. */
export type Refusal = {
  errorType: string;
  message: string;
  errorInfo: Record<string, unknown>;
  /** The mutation that was refused (createEvent, updateEvent, ...). */
  operation: string;
  /** The event concerned, when there is one. */
  eventId?: string | null;
  eventTitle?: string | null;
};

/** Notices expire from the table after 30 days (the TTL attribute expiresAt). */
export const NOTICE_TTL_SECONDS = 30 * 24 * 60 * 60;

const OPERATION_WORDS: Record<string, string> = {
  createEvent: 'create an event',
  updateEvent: 'change an event',
  cancelEvent: 'cancel an event',
  inviteAttendees: 'invite attendees',
};

export function refusalNotice(
  refusal: Refusal,
  facts: { organizerId: string; noticeId: string; now: string; nowEpochSeconds: number },
): NoticeRecord {
  const what = OPERATION_WORDS[refusal.operation] ?? refusal.operation;
  const about = refusal.eventTitle ? ` ("${refusal.eventTitle}")` : '';
  return {
    ...noticeKey(facts.organizerId, facts.now, facts.noticeId),
    id: facts.noticeId,
    organizerId: facts.organizerId,
    kind: 'REQUEST_REFUSED',
    subject: `Your request to ${what} was refused`,
    message: `Your request to ${what}${about} was refused: ${refusal.message}`,
    details: {
      operation: refusal.operation,
      errorType: refusal.errorType,
      errorInfo: refusal.errorInfo,
      eventId: refusal.eventId ?? null,
    },
    createdAt: facts.now,
    expiresAt: facts.nowEpochSeconds + NOTICE_TTL_SECONDS,
  };
}

/** How an answer came, in words (after "accepted ..."). */
const CHANNEL_WORDS: Record<RsvpChannel, string> = {
  API: 'with their invitation token',
  LINK: 'from the link in their invitation',
  EMAIL: 'by a calendar reply',
  ORGANIZER: 'as you recorded it',
};

function who(entry: Pick<AcceptanceEntry, 'email' | 'name'>): string {
  return entry.name ? `${entry.name} (${entry.email})` : entry.email;
}

/** An ATTENDEE_ACCEPTED notice: one acceptance, for organizers who chose a notice per answer. */
export function acceptedNotice(
  entry: AcceptanceEntry,
  previous: AttendeeStatus,
  facts: { organizerId: string; noticeId: string; now: string; nowEpochSeconds: number },
): NoticeRecord {
  const changed = previous === 'NEEDS_ACTION' ? '' : ` (they had answered ${previous === 'DECLINED' ? 'no' : 'maybe'})`;
  const comment = entry.comment ? ` Their comment: "${entry.comment}"` : '';
  return {
    ...noticeKey(facts.organizerId, facts.now, facts.noticeId),
    id: facts.noticeId,
    organizerId: facts.organizerId,
    kind: 'ATTENDEE_ACCEPTED',
    subject: `${entry.name || entry.email} accepted "${entry.eventTitle}"`,
    message: `${who(entry)} accepted your invitation to "${entry.eventTitle}" ${CHANNEL_WORDS[entry.via]}${changed}.${comment}`,
    details: { ...entry, previous },
    createdAt: facts.now,
    expiresAt: facts.nowEpochSeconds + NOTICE_TTL_SECONDS,
  };
}

/**
 * The ACCEPTANCE_DIGEST notice of a closed window: how many accepted, and the ones listed
 * (the first ACCEPTANCE_DIGEST_LIMITS.listed), each with its event and comment.
 */
export function acceptanceDigestNotice(window: AcceptanceWindowRecord, facts: { noticeId: string; now: string; nowEpochSeconds: number }): NoticeRecord {
  const listed = window.acceptances ?? [];
  const count = Math.max(window.count, listed.length);
  const unlisted = count - listed.length;
  const lines = listed.map((entry) => `- ${who(entry)} accepted "${entry.eventTitle}"${entry.comment ? `: "${entry.comment}"` : ''}`);
  if (unlisted > 0) lines.push(`- and ${unlisted} more: see your events' attendees.`);
  const plural = count === 1 ? 'acceptance' : 'acceptances';
  return {
    ...noticeKey(window.organizerId, facts.now, facts.noticeId),
    id: facts.noticeId,
    organizerId: window.organizerId,
    kind: 'ACCEPTANCE_DIGEST',
    subject: `${count} ${plural} for your events`,
    message: [`${count} ${plural} for your events between ${window.windowStart} and ${window.windowEnd}:`, ...lines].join('\n'),
    details: { count, windowStart: window.windowStart, windowEnd: window.windowEnd, unlisted, acceptances: listed },
    createdAt: facts.now,
    expiresAt: facts.nowEpochSeconds + NOTICE_TTL_SECONDS,
  };
}
