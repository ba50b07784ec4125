// The links function's ports on AWS: the token key (Secrets Manager), the table, and the API
// (the RSVP page answers through Mutation.rsvp, IAM).
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttendeeStatus } from '../../resolvers/lib/records';
import { dynamoDb, isConditionFailure } from '../lib/aws/dynamodb';
import type { GraphqlClient } from '../lib/aws/appsyncIam';
import { tokenKey } from '../lib/tokens/tokenKey';
import { graphqlRsvpPort } from './graphqlRsvpPort';
import type { RsvpAttendee, RsvpEvent } from './rsvpPages';
import { rsvpAttendeeRequest, rsvpEventRequest } from './rsvpRequests';
import type { RsvpPorts } from './rsvpRoutes';
import { organizerEmailRequest, unsubscribedFromRequest, unsubscribeRequest } from './suppressionRequests';
import type { UnsubscribePorts } from './unsubscribeRoutes';

/** `graphql` is called on the first answer only: the unsubscribe routes need no API. */
export function awsPorts(table: string, graphql: () => GraphqlClient): UnsubscribePorts & RsvpPorts {
  return {
    tokenKey: () => tokenKey(),
    async organizerEmail(organizerId) {
      const out = await dynamoDb().send(new GetItemCommand(organizerEmailRequest(table, organizerId)));
      const email = out.Item ? unmarshall(out.Item).email : null;
      return typeof email === 'string' && email.trim() ? email.trim() : null;
    },
    async unsubscribedFrom(email) {
      const out = await dynamoDb().send(new GetItemCommand(unsubscribedFromRequest(table, email)));
      const list: unknown = out.Item ? unmarshall(out.Item).unsubscribedFrom : null;
      return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
    },
    async unsubscribe(email, organizerId, now) {
      try {
        await dynamoDb().send(new UpdateItemCommand(unsubscribeRequest(table, email, organizerId, now)));
        return 'added';
      } catch (error) {
        if (isConditionFailure(error)) return 'already';
        throw error;
      }
    },
    async rsvpEvent(eventId) {
      const out = await dynamoDb().send(new GetItemCommand(rsvpEventRequest(table, eventId)));
      if (!out.Item) return null;
      const item = unmarshall(out.Item);
      return {
        title: text(item.title) ?? '',
        location: text(item.location),
        startsAt: String(item.startsAt),
        endsAt: String(item.endsAt),
        timeZone: String(item.timeZone),
        status: String(item.status),
      } satisfies RsvpEvent;
    },
    async rsvpAttendee(eventId, email) {
      const out = await dynamoDb().send(new GetItemCommand(rsvpAttendeeRequest(table, eventId, email)));
      if (!out.Item) return null;
      const item = unmarshall(out.Item);
      const answer = item.answer as { comment?: unknown } | null | undefined;
      return {
        email: text(item.email) ?? email,
        name: text(item.name),
        status: String(item.status) as AttendeeStatus,
        comment: text(answer?.comment),
      } satisfies RsvpAttendee;
    },
    rsvp: graphqlRsvpPort(graphql),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
