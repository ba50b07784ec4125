// Organizer notices written by resolvers (the outbox: the table's stream delivers them by
// email and on the organizer notices topic). A refused request is recorded before its error
// is returned, so the organizer hears of it even when the caller was a backend function.
import { noticeKey } from './keys';
import type { NoticeRecord } from './records';

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
