// The EVENT_CANCELLATION_REQUEST topic's message
// (schemas/topics/event-cancellation-request.schema.json): an ACTIVE event was cancelled.
import type { EventView } from './eventView';
import type { MessageEnvelope } from './topicMessage';

export const EVENT_CANCELLATION_REQUEST = 'EVENT_CANCELLATION_REQUEST';

export type EventCancellationRequestMessage = MessageEnvelope<typeof EVENT_CANCELLATION_REQUEST> & {
  eventId: string;
  /** The SEQUENCE attendees' METHOD:CANCEL carries. */
  sequence: number;
  version: number;
  /** The event as cancelled (status CANCELLED). */
  event: EventView;
  /** The organizer's reason, if they gave one. */
  cancelReason: string | null;
  cancelledAt: string;
};

/** One message per cancellation of an event. */
export function eventCancellationRequestMessageId(eventId: string, sequence: number): string {
  return `${EVENT_CANCELLATION_REQUEST}#${eventId}#${sequence}`;
}
