// Query.event (unit resolver on the table): its organizer or an admin may read it; an IAM
// caller reads as the organizer it names.
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { QueryEventArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { maySeeEvent } from '../lib/events';
import { actorOf, isActorRefusal } from '../lib/identity';
import { eventKey } from '../lib/keys';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<QueryEventArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  ctx.stash.actor = actor;
  return get({ key: eventKey(ctx.args.id) });
}

export function response(ctx: Context<QueryEventArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const event = ctx.result as EventRecord | null;
  if (!event) util.error(`No event with id ${ctx.args.id}.`, ErrorType.NotFound);
  if (!maySeeEvent(event, ctx.stash.actor.organizerId, ctx.stash.actor.admin)) {
    util.error('This event belongs to another organizer.', ErrorType.Unauthorized);
  }
  return event;
}
