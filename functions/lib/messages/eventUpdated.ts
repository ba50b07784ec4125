// The EVENT_UPDATED topic's message (schemas/topics/event-updated.schema.json): an event's
// attendees see a change (its SEQUENCE grew while it stayed ACTIVE).
import { ATTENDEE_VISIBLE_FIELDS } from '../../../resolvers/lib/records';
import type { EventView } from './eventView';
import type { MessageEnvelope } from './topicMessage';

export const EVENT_UPDATED = 'EVENT_UPDATED';

export type AttendeeVisibleField = (typeof ATTENDEE_VISIBLE_FIELDS)[number];

export type EventUpdatedMessage = MessageEnvelope<typeof EVENT_UPDATED> & {
  eventId: string;
  /** The event's new iCalendar SEQUENCE. */
  sequence: number;
  /** The event's new version. */
  version: number;
  /** The event after the change. */
  event: EventView;
  /** The attendee-visible fields whose values changed, in ATTENDEE_VISIBLE_FIELDS order. */
  changedFields: AttendeeVisibleField[];
  /** The values those fields had before the change (exactly the changed fields). */
  previous: Partial<Pick<EventView, AttendeeVisibleField>>;
};

/** One message per SEQUENCE of an event. */
export function eventUpdatedMessageId(eventId: string, sequence: number): string {
  return `${EVENT_UPDATED}#${eventId}#${sequence}`;
}
