// What one stream record of the table publishes, and on which topic (pure):
//
// | item (keys)                     | change                                   | publishes                          |
// | event (event#<id> / event)      | INSERT                                   | organizer notice EVENT_CREATED     |
// | event                           | MODIFY, ACTIVE -> CANCELLED              | EVENT_CANCELLATION_REQUEST         |
// | event                           | MODIFY, stays ACTIVE, sequence grew      | EVENT_UPDATED                      |
// | attendee (event#<id> / attendee#<email>) | INSERT                          | NEW_EVENT_INVITE                   |
// | organizer (organizer#<id> / profile) | MODIFY, a counter reaches its limit | organizer notice LIMIT_REACHED     |
// | notice (organizer#<id> / notice#…)   | INSERT                              | organizer notice (the item's)      |
//
// Anything else publishes nothing. An image without what its message needs throws a
// MalformedInputError (the record is skipped, never retried).
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import type { EventCancellationRequestMessage } from '../lib/messages/eventCancellationRequest';
import type { EventUpdatedMessage } from '../lib/messages/eventUpdated';
import type { NewEventInviteMessage } from '../lib/messages/newEventInvite';
import type { OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import type { MessageAttributes } from '../lib/messages/topicMessage';
import { eventChangeMessage } from './eventChange';
import { eventCreatedNotice } from './eventCreatedNotice';
import { limitReachedNotices } from './limitReachedNotice';
import { newEventInvite } from './newEventInvite';
import { asAttendeeRecord, asEventRecord, asNoticeRecord, asOrganizerRecord } from './recordShapes';
import { storedNotice } from './storedNotice';
import type { ChangeRecord } from '../lib/stream/streamRecord';

/** The topics, named as the environment variables that hold their ARNs. */
export const TOPIC_VARIABLES = ['NEW_EVENT_INVITE', 'EVENT_UPDATED', 'EVENT_CANCELLATION_REQUEST', 'ORGANIZER_NOTICES'] as const;
export type TopicVariable = (typeof TOPIC_VARIABLES)[number];

export type Publication =
  | { topic: 'NEW_EVENT_INVITE'; message: NewEventInviteMessage; attributes: MessageAttributes }
  | { topic: 'EVENT_UPDATED'; message: EventUpdatedMessage; attributes: MessageAttributes }
  | { topic: 'EVENT_CANCELLATION_REQUEST'; message: EventCancellationRequestMessage; attributes: MessageAttributes }
  | { topic: 'ORGANIZER_NOTICES'; message: OrganizerNoticeMessage; attributes: MessageAttributes };

export function publicationsFor(change: ChangeRecord): Publication[] {
  const where = `${change.eventName} of ${change.keys.pk} / ${change.keys.sk} (stream record ${change.sequenceNumber})`;
  switch (change.kind) {
    case 'event': {
      if (change.eventName === 'INSERT') return [notice(eventCreatedNotice(asEventRecord(change.newImage, `${where}, NewImage`)))];
      if (change.eventName !== 'MODIFY') return [];
      const message = eventChangeMessage(asEventRecord(change.oldImage, `${where}, OldImage`), asEventRecord(change.newImage, `${where}, NewImage`));
      if (!message) return [];
      const attributes = { type: message.type, organizerId: message.organizerId, eventId: message.eventId };
      return message.type === 'EVENT_UPDATED' ? [{ topic: 'EVENT_UPDATED', message, attributes }] : [{ topic: 'EVENT_CANCELLATION_REQUEST', message, attributes }];
    }
    case 'attendee': {
      // Only the insert is an invitation: answers and delivery states MODIFY the item, and a
      // re-invitation after a removal is a new INSERT (with a new invitedAt).
      if (change.eventName !== 'INSERT') return [];
      const message = newEventInvite(asAttendeeRecord(change.newImage, `${where}, NewImage`));
      return [{ topic: 'NEW_EVENT_INVITE', message, attributes: { type: message.type, organizerId: message.organizerId, eventId: message.eventId } }];
    }
    case 'organizerProfile': {
      if (change.eventName !== 'MODIFY') return [];
      const after = asOrganizerRecord(change.newImage, `${where}, NewImage`);
      const facts = { sequenceNumber: change.sequenceNumber, occurredAt: change.changedAt ?? after.updatedAt };
      return limitReachedNotices(asOrganizerRecord(change.oldImage, `${where}, OldImage`), after, facts).map(notice);
    }
    case 'notice':
      return change.eventName === 'INSERT' ? [notice(storedNotice(asNoticeRecord(change.newImage, `${where}, NewImage`)))] : [];
    case 'other':
      return [];
  }
}

function notice(message: OrganizerNoticeMessage): Publication {
  return { topic: 'ORGANIZER_NOTICES', message, attributes: { type: message.type, organizerId: message.organizerId, kind: message.kind } };
}

/** The SNS Publish request for a publication, given the topics' ARNs. */
export function publishInput(publication: Publication, topicArns: Record<TopicVariable, string>): PublishCommandInput {
  return {
    TopicArn: topicArns[publication.topic],
    Message: JSON.stringify(publication.message),
    MessageAttributes: Object.fromEntries(Object.entries(publication.attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
  };
}
