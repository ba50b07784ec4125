// An emailed event request's mutations on AppSync, signed with IAM, for the organizer the
// mail came from (an argument the API honours for IAM callers alone): createEvent, then
// inviteAttendees per chunk, as the API's own clients call them. What an error means is
// decided by its errorType (resolvers/lib/errorTypes.ts):
// - a refusal every retry would meet too: EventRequestRefusedError, the organizer is told;
// - anything else (AppSync's own errors, throttling, HTTP 5xx, network): rethrown, retried.
import { ErrorType } from '../../resolvers/lib/errorTypes';
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';
import { EventRequestRefusedError } from './errors';
import type { EventRequestInput } from './parseEventRequest';
import type { RequestAttendee } from './requestAttendees';

export const CREATE_EVENT_MUTATION = /* GraphQL */ `
  mutation EmailCreateEvent($input: CreateEventInput!, $organizerId: ID, $id: ID) {
    createEvent(input: $input, organizerId: $organizerId, id: $id) { id title startsAt }
  }
`;

export const INVITE_MUTATION = /* GraphQL */ `
  mutation EmailInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!, $organizerId: ID) {
    inviteAttendees(eventId: $eventId, attendees: $attendees, organizerId: $organizerId) {
      invited { email }
      duplicates { email reason }
      invalid { email reason }
      rejected { email reason }
    }
  }
`;

/** errorTypes that refuse the call whatever the retry. */
export const REFUSAL_TYPES: readonly string[] = [ErrorType.ValidationError, ErrorType.Unauthorized, ErrorType.LimitExceeded, ErrorType.Conflict, ErrorType.NotFound];

export type CreatedEvent = { id: string; title: string; startsAt: string };
export type InviteIssue = { email: string; reason: string };
/** `InviteResult` as far as a request reads it. */
export type InviteOutcome = { invited: { email: string }[]; duplicates: InviteIssue[]; invalid: InviteIssue[]; rejected: InviteIssue[] };

export type EventRequestApi = {
  /** Creates the event `id`, or answers it as it was asked for when a previous try created it. */
  createEvent(input: EventRequestInput, organizerId: string, id: string): Promise<CreatedEvent>;
  inviteAttendees(eventId: string, attendees: RequestAttendee[], organizerId: string): Promise<InviteOutcome>;
};

/** A GraphQL answer no refusal covers: worth a retry. */
export class EventRequestCallError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'EventRequestCallError';
    this.errors = errors;
  }
}

export function graphqlEventRequestPort(graphql: GraphqlClient): EventRequestApi {
  return {
    async createEvent(input, organizerId, id) {
      const { data, errors } = await graphql<{ createEvent: CreatedEvent | null }>(CREATE_EVENT_MUTATION, { input, organizerId, id });
      const exists = errors.find((e) => e.errorType === ErrorType.Conflict && e.errorInfo?.reason === 'EVENT_EXISTS' && e.errorInfo?.eventId === id);
      if (exists) return { id, title: input.title, startsAt: input.startsAt };
      check('createEvent', errors);
      if (!data?.createEvent?.id) throw new EventRequestCallError('createEvent answered without an event');
      return data.createEvent;
    },
    async inviteAttendees(eventId, attendees, organizerId) {
      const { data, errors } = await graphql<{ inviteAttendees: InviteOutcome | null }>(INVITE_MUTATION, { eventId, attendees, organizerId });
      check('inviteAttendees', errors);
      if (!data?.inviteAttendees) throw new EventRequestCallError('inviteAttendees answered without a result');
      return data.inviteAttendees;
    },
  };
}

function check(operation: string, errors: GraphqlError[]): void {
  const refusal = errors.find((e) => e.errorType !== null && REFUSAL_TYPES.includes(e.errorType));
  if (refusal) throw new EventRequestRefusedError(refusal.message, refusal.errorType as string);
  if (errors.length > 0) throw new EventRequestCallError(`${operation} failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
}
