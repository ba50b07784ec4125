// The NEW_EVENT_INVITE topic's message (schemas/topics/new-event-invite.schema.json): an
// attendee was invited to an event (one message per attendee item inserted).
import { normalizeEmail } from '../../../resolvers/lib/keys';
import type { AttendeeRecord } from '../../../resolvers/lib/records';
import type { MessageEnvelope } from './topicMessage';

export const NEW_EVENT_INVITE = 'NEW_EVENT_INVITE';

export type InviteSource = AttendeeRecord['source'];

/** Every InviteSource, for checks at run time (the type below fails to compile if one is missing). */
export const INVITE_SOURCES = ['API', 'IMPORT', 'EMAIL'] as const satisfies readonly InviteSource[];
type MissingSource = Exclude<InviteSource, (typeof INVITE_SOURCES)[number]>;
export const INVITE_SOURCES_COMPLETE: MissingSource extends never ? true : MissingSource = true;

export function isInviteSource(value: unknown): value is InviteSource {
  return (INVITE_SOURCES as readonly unknown[]).includes(value);
}

export type InvitedAttendee = {
  /** As invited: trimmed, domain lower-cased. */
  email: string;
  name: string | null;
  /** How they were invited: the API, a bulk import, an emailed request. */
  source: InviteSource;
  invitedAt: string;
};

export type NewEventInviteMessage = MessageEnvelope<typeof NEW_EVENT_INVITE> & {
  eventId: string;
  attendee: InvitedAttendee;
};

/**
 * One message per invitation: the same address invited again after being removed is another
 * invitation (another invitedAt), a stream retry of the same one is not.
 */
export function newEventInviteMessageId(eventId: string, email: string, invitedAt: string): string {
  return `${NEW_EVENT_INVITE}#${eventId}#${normalizeEmail(email)}#${invitedAt}`;
}
