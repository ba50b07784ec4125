// Subscription.onRsvpCountsChanged: the event's organizer, an admin or IAM, checked against
// the event read when the subscription starts (resolvers/lib/eventFollowers.ts). The counts
// then reach subscribers of that event (AppSync matches eventId to the published counts').
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { SubscriptionOnRsvpCountsChangedArgs } from '../../generated/graphql';
import { mayFollowEvent } from '../lib/eventFollowers';
import { eventKey } from '../lib/keys';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<SubscriptionOnRsvpCountsChangedArgs>) {
  return get({ key: eventKey(ctx.args.eventId) });
}

export function response(ctx: Context<SubscriptionOnRsvpCountsChangedArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!mayFollowEvent(util.authType(), ctx.identity, ctx.result as EventRecord | null)) util.unauthorized();
  return null;
}
