// What a change to an event item tells other systems (ARCHITECTURE.md section 5, flow 5):
// - ACTIVE -> CANCELLED: an EVENT_CANCELLATION_REQUEST (whatever else changed with it);
// - still ACTIVE and the SEQUENCE grew: an EVENT_UPDATED naming the attendee-visible fields
//   that differ and their previous values;
// - anything else (a version-only change such as the organizer's notes, a change to a
//   cancelled event): nothing, since attendees see no difference.
import { ATTENDEE_VISIBLE_FIELDS, type EventRecord } from '../../resolvers/lib/records';
import { EVENT_CANCELLATION_REQUEST, eventCancellationRequestMessageId, type EventCancellationRequestMessage } from '../lib/messages/eventCancellationRequest';
import { EVENT_UPDATED, eventUpdatedMessageId, type AttendeeVisibleField, type EventUpdatedMessage } from '../lib/messages/eventUpdated';
import { toEventView, type EventView } from '../lib/messages/eventView';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

export type EventChangeMessage = EventUpdatedMessage | EventCancellationRequestMessage;

export function eventChangeMessage(before: EventRecord, after: EventRecord): EventChangeMessage | null {
  if (before.status !== 'ACTIVE') return null;
  if (after.status === 'CANCELLED') return cancellation(after);
  if (after.sequence > before.sequence) return update(before, after);
  return null;
}

/** The attendee-visible fields whose values differ (unset and null are the same). */
export function changedFields(before: EventRecord, after: EventRecord): AttendeeVisibleField[] {
  return ATTENDEE_VISIBLE_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

function update(before: EventRecord, after: EventRecord): EventUpdatedMessage {
  const previousView = toEventView(before);
  const fields = changedFields(before, after);
  const previous: Partial<Pick<EventView, AttendeeVisibleField>> = {};
  for (const field of fields) Object.assign(previous, { [field]: previousView[field] });
  return {
    type: EVENT_UPDATED,
    schemaVersion: SCHEMA_VERSION,
    messageId: eventUpdatedMessageId(after.id, after.sequence),
    occurredAt: after.updatedAt,
    organizerId: after.organizerId,
    eventId: after.id,
    sequence: after.sequence,
    version: after.version,
    event: toEventView(after),
    changedFields: fields,
    previous,
  };
}

function cancellation(after: EventRecord): EventCancellationRequestMessage {
  const cancelledAt = after.cancelledAt ?? after.updatedAt;
  return {
    type: EVENT_CANCELLATION_REQUEST,
    schemaVersion: SCHEMA_VERSION,
    messageId: eventCancellationRequestMessageId(after.id, after.sequence),
    occurredAt: cancelledAt,
    organizerId: after.organizerId,
    eventId: after.id,
    sequence: after.sequence,
    version: after.version,
    event: toEventView(after),
    cancelReason: after.cancelReason ?? null,
    cancelledAt,
  };
}
