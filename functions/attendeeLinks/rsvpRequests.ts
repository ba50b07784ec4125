// The table reads of the RSVP page: what it shows of the event (title, time, place, whether
// it is cancelled) and of the attendee (answer and comment). Both project only those
// attributes: the links function's role may read no others (infra/deliverability.ts
// RSVP_PAGE_ATTRIBUTES). Consistent reads: a page opened right after answering shows the answer.
import type { GetItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { attendeeKey, eventKey } from '../../resolvers/lib/keys';

export const RSVP_EVENT_ATTRIBUTES = ['title', 'location', 'startsAt', 'endsAt', 'timeZone', 'status'] as const;
export const RSVP_ATTENDEE_ATTRIBUTES = ['email', 'name', 'status', 'answer'] as const;

export function rsvpEventRequest(table: string, eventId: string): GetItemCommandInput {
  return projected(table, eventKey(eventId), RSVP_EVENT_ATTRIBUTES);
}

export function rsvpAttendeeRequest(table: string, eventId: string, email: string): GetItemCommandInput {
  return projected(table, attendeeKey(eventId, email), RSVP_ATTENDEE_ATTRIBUTES);
}

// Names, not the attributes themselves, in the projection: `name`, `status` and `location` are reserved words.
function projected(table: string, key: Record<string, string>, attributes: readonly string[]): GetItemCommandInput {
  return {
    TableName: table,
    Key: marshall(key),
    ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
    ConsistentRead: true,
  };
}
