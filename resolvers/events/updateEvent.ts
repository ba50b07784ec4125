// Mutation.updateEvent: getOrganizer -> registerOrganizer -> checkOrganizerActive ->
// getEventToChange (owner, not cancelled, expectedVersion) -> updateEventItem -> noticeRefusal.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationUpdateEventArgs } from '../../generated/graphql';
import { actorOf, isActorRefusal } from '../lib/identity';

export function request(ctx: Context<MutationUpdateEventArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const input = ctx.args.input;
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.eventId = ctx.args.id;
  ctx.stash.expectedVersion = ctx.args.expectedVersion;
  ctx.stash.input = input;
  // Times are parsed here (util.time); the merge with the stored event comes later.
  ctx.stash.times = {
    startsAtMs: input.startsAt ? util.time.parseISO8601ToEpochMilliSeconds(input.startsAt) : null,
    endsAtMs: input.endsAt ? util.time.parseISO8601ToEpochMilliSeconds(input.endsAt) : null,
    nowMs: util.time.nowEpochMilliSeconds(),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
