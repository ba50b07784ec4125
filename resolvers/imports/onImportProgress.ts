// Subscription.onImportProgress: only the event's organizer, an admin or IAM may follow an
// import. The event is read when the subscription starts; updates then reach the
// subscriber for that event and job (AppSync matches the arguments to the job's fields).
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { SubscriptionOnImportProgressArgs } from '../../generated/graphql';
import { mayFollowEvent } from '../lib/eventFollowers';
import { eventKey } from '../lib/keys';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<SubscriptionOnImportProgressArgs>) {
  return get({ key: eventKey(ctx.args.eventId) });
}

export function response(ctx: Context<SubscriptionOnImportProgressArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!mayFollowEvent(util.authType(), ctx.identity, ctx.result as EventRecord | null)) util.unauthorized();
  return null;
}
