// Subscription.onImportProgress: only the event's organizer, an admin or IAM may follow an
// import. The event is read when the subscription starts; updates then reach the
// subscriber for that event and job (AppSync matches the arguments to the job's fields).
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { SubscriptionOnImportProgressArgs } from '../../generated/graphql';
import { maySeeEvent } from '../lib/events';
import { actorOf, AUTH_TYPE, isActorRefusal } from '../lib/identity';
import { eventKey } from '../lib/keys';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<SubscriptionOnImportProgressArgs>) {
  return get({ key: eventKey(ctx.args.eventId) });
}

export function response(ctx: Context<SubscriptionOnImportProgressArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  // An IAM caller is a backend function of the stack: it may follow any import.
  if (util.authType() === AUTH_TYPE.iam) return null;
  const actor = actorOf(util.authType(), ctx.identity, null);
  const event = ctx.result as EventRecord | null;
  if (isActorRefusal(actor) || !event || !maySeeEvent(event, actor.organizerId, actor.admin)) util.unauthorized();
  return null;
}
