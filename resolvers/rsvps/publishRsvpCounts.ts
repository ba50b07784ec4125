// Mutation.publishRsvpCounts (IAM: the counts publisher, functions/countsPublisher): a NONE
// resolver that returns its arguments, which AppSync then pushes to onRsvpCountsChanged
// subscribers of the event. Nothing is read or stored: the stream record was the change.
import type { Context } from '@aws-appsync/utils';
import type { MutationPublishRsvpCountsArgs } from '../../generated/graphql';

export function request(ctx: Context<MutationPublishRsvpCountsArgs>) {
  return { payload: ctx.args };
}

export function response(ctx: Context<MutationPublishRsvpCountsArgs>) {
  return ctx.result;
}
