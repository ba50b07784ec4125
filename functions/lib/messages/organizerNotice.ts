// The organizer notices topic's message (schemas/topics/organizer-notice.schema.json): what
// an organizer is told, by email (functions/noticeMailer) and to any other subscriber. It
// carries no email address: the mailer looks the organizer up when it sends.
import type { NoticeKind } from '../../../resolvers/lib/records';
import type { MessageEnvelope } from './topicMessage';

export const ORGANIZER_NOTICE = 'ORGANIZER_NOTICE';

/** Every NoticeKind, for checks at run time (the type below fails to compile if one is missing). */
export const NOTICE_KINDS = [
  'EVENT_CREATED',
  'REQUEST_REFUSED',
  'LIMIT_REACHED',
  'IMPORT_FINISHED',
  'ATTENDEE_ACCEPTED',
  'ACCEPTANCE_DIGEST',
  'EVENT_REQUEST_PROCESSED',
  'EVENT_REQUEST_FAILED',
] as const satisfies readonly NoticeKind[];
type MissingKind = Exclude<NoticeKind, (typeof NOTICE_KINDS)[number]>;
export const NOTICE_KINDS_COMPLETE: MissingKind extends never ? true : MissingKind = true;

export type OrganizerNoticeMessage = MessageEnvelope<typeof ORGANIZER_NOTICE> & {
  /** What the notice is about (also the `kind` message attribute). */
  kind: NoticeKind;
  /** One line, for a mail subject. */
  subject: string;
  /** Plain words: what happened and what to do. */
  message: string;
  /** Machine-readable facts: the event, the limit and its value, the refused operation. */
  details: Record<string, unknown>;
};

export function isNoticeKind(value: unknown): value is NoticeKind {
  return (NOTICE_KINDS as readonly unknown[]).includes(value);
}

/** One message per notice: `ORGANIZER_NOTICE#` and what identifies the notice. */
export function organizerNoticeMessageId(...parts: (string | number)[]): string {
  return [ORGANIZER_NOTICE, ...parts].join('#');
}
