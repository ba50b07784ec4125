// The organizer's notice that an event was created (an event item's INSERT): the event's
// details in plain words, its times in its own time zone.
import type { EventRecord } from '../../resolvers/lib/records';
import { ORGANIZER_NOTICE, organizerNoticeMessageId, type OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export function eventCreatedNotice(event: EventRecord): OrganizerNoticeMessage {
  const where = event.location ? `, at ${event.location}` : '';
  return {
    type: ORGANIZER_NOTICE,
    schemaVersion: SCHEMA_VERSION,
    messageId: organizerNoticeMessageId('EVENT_CREATED', event.id),
    occurredAt: event.createdAt,
    organizerId: event.organizerId,
    kind: 'EVENT_CREATED',
    subject: `Event created: ${event.title}`,
    message:
      `Your event "${event.title}" is created: from ${localTime(event.startsAt, event.timeZone)} to ${localTime(event.endsAt, event.timeZone)} ` +
      `(${event.timeZone})${where}. You can now invite attendees to it.`,
    details: {
      eventId: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      location: event.location ?? null,
    },
  };
}

/** "Monday, 1 March 2027 at 18:00" in the event's zone; the UTC instant if the zone is unknown here. */
export function localTime(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(instant));
  } catch {
    return instant;
  }
}
