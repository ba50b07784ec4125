// The organizer's notices of an emailed event request (the table's stream mails them and
// publishes them on the organizer notices topic, like every notice; they carry no address):
// - EVENT_REQUEST_PROCESSED: the event created and what inviting its attendees did. createEvent
//   leads to an EVENT_CREATED notice of its own; this one sums up the mail.
// - EVENT_REQUEST_FAILED: nothing was created, and why (errorType and message).
import { noticeKey } from '../../resolvers/lib/keys';
import { NOTICE_TTL_SECONDS } from '../../resolvers/lib/notices';
import type { NoticeRecord } from '../../resolvers/lib/records';
import type { IssueCount, RequestProgress } from './eventRequestClaim';

export type RequestFailure = { errorType: string; reason: string };

/** `noticeId`: the same for every retry of one request, so that its notice is written once. */
export function processedNotice(organizerId: string, noticeId: string, progress: RequestProgress, uid: string | null): NoticeRecord {
  const counts = [
    `${progress.invited} invited`,
    `${total(progress.duplicates)} already invited or listed twice`,
    `${total(progress.invalid)} invalid`,
    `${total(progress.rejected)} refused (bounced, complained or unsubscribed)`,
  ].join(', ');
  const reasons = [...progress.invalid, ...progress.rejected].map((r) => `${r.reason} (${r.count})`);
  const stopped = progress.stopped ? ` Inviting stopped: ${sentence(`${progress.stopped.errorType}: ${progress.stopped.reason}`)}` : '';
  const message =
    `"${progress.title}", starting ${progress.startsAt}, was created from your mail. Attendees: ${counts}.` +
    (reasons.length > 0 ? ` Not invited: ${reasons.join('; ')}.` : '') +
    stopped;
  return {
    ...noticeKey(organizerId, progress.createdAt, noticeId),
    id: noticeId,
    organizerId,
    kind: 'EVENT_REQUEST_PROCESSED',
    subject: `Event created from your mail: ${progress.title}`,
    message,
    details: {
      eventId: progress.eventId,
      title: progress.title,
      startsAt: progress.startsAt,
      uid,
      invited: progress.invited,
      duplicates: issues(progress.duplicates),
      invalid: issues(progress.invalid),
      rejected: issues(progress.rejected),
      stopped: progress.stopped,
    },
    createdAt: progress.createdAt,
    expiresAt: epochSeconds(progress.createdAt) + NOTICE_TTL_SECONDS,
  };
}

export function failedNotice(organizerId: string, noticeId: string, failure: RequestFailure, request: { title: string | null; uid: string | null }, now: Date): NoticeRecord {
  const createdAt = now.toISOString();
  const about = request.title ? ` "${request.title}"` : '';
  return {
    ...noticeKey(organizerId, createdAt, noticeId),
    id: noticeId,
    organizerId,
    kind: 'EVENT_REQUEST_FAILED',
    subject: request.title ? `Event not created from your mail: ${request.title}` : 'Event not created from your mail',
    message: `The event${about} you mailed was not created: ${sentence(failure.reason)} Nobody was invited.`,
    details: { errorType: failure.errorType, reason: failure.reason, title: request.title, uid: request.uid },
    createdAt,
    expiresAt: epochSeconds(createdAt) + NOTICE_TTL_SECONDS,
  };
}

function issues(counts: IssueCount[]) {
  return { count: total(counts), reasons: counts };
}

function total(counts: IssueCount[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
