// publishRsvpCounts on AppSync, signed with IAM: AppSync pushes what this mutation selects to
// onRsvpCountsChanged subscribers, so it selects every field of RsvpCounts (a field left out
// would reach them as null). Any error is worth a retry: the mutation stores nothing, and
// its arguments are what the stream said.
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';
import type { RsvpCountsChange } from './countsChange';

export const PUBLISH_RSVP_COUNTS_MUTATION = /* GraphQL */ `
  mutation PublishRsvpCounts($eventId: ID!, $invited: Int!, $needsAction: Int!, $accepted: Int!, $declined: Int!, $tentative: Int!, $changedAt: AWSDateTime!) {
    publishRsvpCounts(eventId: $eventId, invited: $invited, needsAction: $needsAction, accepted: $accepted, declined: $declined, tentative: $tentative, changedAt: $changedAt) {
      eventId
      invited
      needsAction
      accepted
      declined
      tentative
      changedAt
    }
  }
`;

export type PublishCounts = (counts: RsvpCountsChange) => Promise<void>;

/** publishRsvpCounts answered with errors, or without its result. */
export class PublishCountsError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'PublishCountsError';
    this.errors = errors;
  }
}

export function graphqlCountsPublisher(graphql: GraphqlClient): PublishCounts {
  return async (counts) => {
    const { data, errors } = await graphql<{ publishRsvpCounts: unknown }>(PUBLISH_RSVP_COUNTS_MUTATION, { ...counts });
    if (errors.length > 0) throw new PublishCountsError(`publishRsvpCounts failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
    if (!data?.publishRsvpCounts) throw new PublishCountsError('publishRsvpCounts answered without a result');
  };
}
