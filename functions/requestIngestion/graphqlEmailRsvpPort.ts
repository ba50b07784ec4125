// recordEmailRsvp on AppSync, signed with IAM: a matched REPLY recorded as the attendee's
// answer (via EMAIL). The API decides; what its refusal means is read from the errorType
// (resolvers/lib/errorTypes.ts) and errorInfo.reason, never from the message:
// - no retry changes it: RsvpRefusedError, the message is dropped with the API's reason:
//   NotFound (not invited, removed, no such event), Conflict STALE_REPLY (older than the
//   answer recorded) or EVENT_CANCELLED, ValidationError;
// - anything else is worth a retry (rethrown): Conflict ATTENDEE_CHANGED (another answer
//   landed at the same moment: the retry reads it), AppSync's own errors and throttling, a
//   refused signature, HTTP 5xx and the network (appsyncIam.ts).
import { ErrorType } from '../../resolvers/lib/errorTypes';
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';
import { RsvpRefusedError } from './errors';
import type { EmailRsvp } from './matchReply';

// The answer selects what onAttendeeResponded pushes: subscribers get only what is selected here.
export const RECORD_EMAIL_RSVP_MUTATION = /* GraphQL */ `
  mutation EmailRsvp($eventId: ID!, $email: String!, $response: RsvpResponse!, $comment: String, $sequence: Int!, $dtstamp: AWSDateTime!) {
    recordEmailRsvp(eventId: $eventId, email: $email, response: $response, comment: $comment, sequence: $sequence, dtstamp: $dtstamp) {
      eventId
      email
      name
      status
      answer { response comment via sequence dtstamp answeredAt }
      invitedAt
      updatedAt
    }
  }
`;

/** Conflict reasons a retry cannot change. */
export const FINAL_CONFLICTS: readonly string[] = ['STALE_REPLY', 'EVENT_CANCELLED'];

export type RecordedRsvp = { status: string };
export type RecordEmailRsvpPort = (rsvp: EmailRsvp) => Promise<RecordedRsvp>;

/** An answer of the API no refusal covers: worth a retry. */
export class RecordEmailRsvpCallError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'RecordEmailRsvpCallError';
    this.errors = errors;
  }
}

export function graphqlEmailRsvpPort(graphql: GraphqlClient): RecordEmailRsvpPort {
  return async (rsvp) => {
    const { data, errors } = await graphql<{ recordEmailRsvp: RecordedRsvp | null }>(RECORD_EMAIL_RSVP_MUTATION, { ...rsvp });
    const refusal = errors.find(isRefusal);
    if (refusal) throw new RsvpRefusedError(`recordEmailRsvp refused: ${refusal.message}`, refusal.errorType!, reasonOf(refusal));
    if (errors.length > 0) throw new RecordEmailRsvpCallError(`recordEmailRsvp failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
    if (!data?.recordEmailRsvp?.status) throw new RecordEmailRsvpCallError('recordEmailRsvp answered without the attendee');
    return data.recordEmailRsvp;
  };
}

function isRefusal(error: GraphqlError): boolean {
  if (error.errorType === ErrorType.NotFound || error.errorType === ErrorType.ValidationError) return true;
  return error.errorType === ErrorType.Conflict && FINAL_CONFLICTS.includes(reasonOf(error) ?? '');
}

function reasonOf(error: GraphqlError): string | null {
  const reason = error.errorInfo?.reason;
  return typeof reason === 'string' ? reason : null;
}
