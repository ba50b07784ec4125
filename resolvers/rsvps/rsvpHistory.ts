// Query.rsvpHistory: getEventToRead (its organizer, an admin, or IAM for its organizer) ->
// queryRsvpHistory (the attendee's answers, oldest first).
import { util, type Context } from '@aws-appsync/utils';
import type { QueryRsvpHistoryArgs } from '../../generated/graphql';
import { actorOf, isActorRefusal } from '../lib/identity';
import type { RsvpHistoryRecord } from '../lib/records';

export function request(ctx: Context<QueryRsvpHistoryArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  ctx.stash.actor = actor;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.email = ctx.args.email;
  return {};
}

export function response(ctx: Context) {
  return (ctx.prev.result as RsvpHistoryRecord[]).map((entry) => ({
    response: entry.response,
    previous: entry.previous,
    comment: entry.comment,
    via: entry.via,
    sequence: entry.sequence,
    dtstamp: entry.dtstamp,
    answeredAt: entry.answeredAt,
  }));
}
