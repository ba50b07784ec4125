// The RSVP page's answer: Mutation.rsvp on AppSync, signed with IAM, with the attendee's token
// and `via: LINK` (the API honours LINK from IAM callers alone). The API decides; what its
// refusal means is read from the errorType (resolvers/lib/errorTypes.ts) and errorInfo.reason,
// never from the message:
// - Conflict EVENT_CANCELLED, NotFound (the attendee was removed, or the event is gone),
//   Unauthorized BAD_TOKEN, ValidationError (the comment): outcomes the page shows;
// - anything else (another Conflict such as ATTENDEE_CHANGED, the token check or AppSync
//   unavailable, a refused signature, HTTP 5xx, the network): RsvpCallError or the client's
//   own error, which the handler answers with the 503 page.
import { ErrorType } from '../../resolvers/lib/errorTypes';
import type { AttendeeStatus, RsvpChannel, RsvpResponse } from '../../resolvers/lib/records';
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';

export const LINK_RSVP_MUTATION = /* GraphQL */ `
  mutation LinkRsvp($eventId: ID!, $response: RsvpResponse!, $comment: String, $token: String!) {
    rsvp(eventId: $eventId, response: $response, comment: $comment, token: $token, via: LINK) {
      # onAttendeeResponded subscribers get what this selects, matched on eventId: select all of it.
      eventId
      email
      name
      invitedAt
      updatedAt
      delivery { state attempts sequence messageId sentAt lastError }
      status
      answer { response comment via sequence dtstamp answeredAt }
    }
  }
`;

export type RsvpRequest = { eventId: string; token: string; response: RsvpResponse; comment: string };

export type AnsweredAttendee = {
  email: string;
  name: string | null;
  status: AttendeeStatus;
  answer: { response: RsvpResponse; comment: string | null; via: RsvpChannel; answeredAt: string } | null;
};

export type RsvpOutcome =
  | { kind: 'answered'; attendee: AnsweredAttendee }
  | { kind: 'cancelled' }
  | { kind: 'not-invited' }
  | { kind: 'bad-token' }
  /** `field` as the API's violation names it (`comment`), null when it names none. */
  | { kind: 'invalid'; field: string | null; message: string };

export type RsvpPort = (request: RsvpRequest) => Promise<RsvpOutcome>;

/** An answer of the API no outcome covers: worth trying again later. */
export class RsvpCallError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'RsvpCallError';
    this.errors = errors;
  }
}

export function graphqlRsvpPort(graphql: () => GraphqlClient): RsvpPort {
  return async (request) => {
    const { data, errors } = await graphql()<{ rsvp: AnsweredAttendee | null }>(LINK_RSVP_MUTATION, { ...request });
    for (const error of errors) {
      const outcome = refusalOf(error);
      if (outcome) return outcome;
    }
    if (errors.length > 0) throw new RsvpCallError(`rsvp failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
    if (!data?.rsvp?.status) throw new RsvpCallError('rsvp answered without the attendee');
    return { kind: 'answered', attendee: data.rsvp };
  };
}

function refusalOf(error: GraphqlError): RsvpOutcome | null {
  const reason = error.errorInfo?.reason;
  if (error.errorType === ErrorType.Conflict && reason === 'EVENT_CANCELLED') return { kind: 'cancelled' };
  if (error.errorType === ErrorType.NotFound) return { kind: 'not-invited' };
  if (error.errorType === ErrorType.Unauthorized && reason === 'BAD_TOKEN') return { kind: 'bad-token' };
  if (error.errorType === ErrorType.ValidationError) {
    const [violation] = Array.isArray(error.errorInfo?.violations) ? (error.errorInfo.violations as { field?: unknown; message?: unknown }[]) : [];
    return {
      kind: 'invalid',
      field: typeof violation?.field === 'string' ? violation.field : null,
      message: typeof violation?.message === 'string' ? violation.message : error.message,
    };
  }
  return null;
}
