// Subscription.onAttendeeResponded: the event's organizer, an admin or IAM, checked against
// the event read when the subscription starts (resolvers/lib/eventFollowers.ts). Answers
// (rsvp, recordEmailRsvp) then reach subscribers of their event: AppSync matches eventId to
// the answer's, which its caller must have selected.
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { SubscriptionOnAttendeeRespondedArgs } from '../../generated/graphql';
import { mayFollowEvent } from '../lib/eventFollowers';
import { eventKey } from '../lib/keys';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<SubscriptionOnAttendeeRespondedArgs>) {
  return get({ key: eventKey(ctx.args.eventId) });
}

export function response(ctx: Context<SubscriptionOnAttendeeRespondedArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!mayFollowEvent(util.authType(), ctx.identity, ctx.result as EventRecord | null)) util.unauthorized();
  return null;
}
