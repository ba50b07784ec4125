// The invite port on AppSync: one `inviteAttendees` call per chunk, signed with IAM, for the
// organizer the import belongs to (an argument the API honours for IAM callers alone).
// What an error means is decided by its errorType (resolvers/lib/errorTypes.ts):
// - a refusal of the whole call that every later call would meet too (a limit reached, the
//   event cancelled or gone, the organizer suspended or not the owner): InviteRefusedError,
//   and the import stops sending;
// - ValidationError: the importer sent what the API never takes, a retry sends it again:
//   PermanentError;
// - anything else (throttling, AppSync's own errors, HTTP, network): rethrown as is, retried.
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';
import { PermanentError } from '../lib/errors';
import { ErrorType } from '../../resolvers/lib/errorTypes';
import { InviteRefusedError } from './errors';
import type { InviteCandidate, InviteOutcome, InvitePort } from './invitePort';

export const INVITE_MUTATION = /* GraphQL */ `
  mutation ImportInviteAttendees($eventId: ID!, $attendees: [AttendeeInput!]!, $organizerId: ID) {
    inviteAttendees(eventId: $eventId, attendees: $attendees, organizerId: $organizerId) {
      invited { email }
      duplicates { email reason }
      invalid { email reason }
      rejected { email reason }
    }
  }
`;

/** errorTypes that refuse the whole call, and would refuse the next one too. */
export const REFUSAL_TYPES: readonly string[] = [ErrorType.LimitExceeded, ErrorType.Conflict, ErrorType.NotFound, ErrorType.Unauthorized];

/** A GraphQL error no class above covers: worth a retry. */
export class InviteCallError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'InviteCallError';
    this.errors = errors;
  }
}

export function graphqlInvitePort(graphql: GraphqlClient, target: { eventId: string; organizerId: string }): InvitePort {
  return async (chunk: InviteCandidate[]) => {
    const attendees = chunk.map((c) => ({ email: c.email, name: c.name }));
    const { data, errors } = await graphql<{ inviteAttendees: InviteOutcome | null }>(INVITE_MUTATION, { ...target, attendees });
    const refusal = errors.find((e) => e.errorType !== null && REFUSAL_TYPES.includes(e.errorType));
    if (refusal) throw new InviteRefusedError(refusal.message, refusal.errorType as string, refusal.errorInfo);
    const invalidCall = errors.find((e) => e.errorType === ErrorType.ValidationError);
    if (invalidCall) throw new PermanentError(`inviteAttendees refused the chunk from row ${chunk[0]?.row}: ${invalidCall.message}`);
    if (errors.length > 0) throw new InviteCallError(`inviteAttendees failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
    if (!data?.inviteAttendees) throw new InviteCallError('inviteAttendees answered without a result');
    return data.inviteAttendees;
  };
}
