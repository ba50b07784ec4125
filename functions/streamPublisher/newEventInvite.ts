// An attendee item inserted by inviteAttendees (the API, an import, an emailed request):
// other systems learn of the invitation, whoever mails it.
import type { AttendeeRecord } from '../../resolvers/lib/records';
import { NEW_EVENT_INVITE, newEventInviteMessageId, type NewEventInviteMessage } from '../lib/messages/newEventInvite';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export function newEventInvite(attendee: AttendeeRecord): NewEventInviteMessage {
  return {
    type: NEW_EVENT_INVITE,
    schemaVersion: SCHEMA_VERSION,
    messageId: newEventInviteMessageId(attendee.eventId, attendee.email, attendee.invitedAt),
    occurredAt: attendee.invitedAt,
    organizerId: attendee.organizerId,
    eventId: attendee.eventId,
    attendee: {
      email: attendee.email,
      name: attendee.name ?? null,
      source: attendee.source,
      invitedAt: attendee.invitedAt,
    },
  };
}
