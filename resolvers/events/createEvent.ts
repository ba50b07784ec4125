// Mutation.createEvent: validate -> getOrganizer -> registerOrganizer -> checkOrganizerActive
// -> putEventAndCountIt (one transaction) -> noticeRefusal.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreateEventArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { newEventRecord } from '../lib/events';
import { actorOf, isActorRefusal } from '../lib/identity';
import { describeViolations, eventInputViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationCreateEventArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const input = ctx.args.input;
  const nowMs = util.time.nowEpochMilliSeconds();
  const startsAtMs = util.time.parseISO8601ToEpochMilliSeconds(input.startsAt);
  const endsAtMs = util.time.parseISO8601ToEpochMilliSeconds(input.endsAt);
  const violations = eventInputViolations(input, { startsAtMs, endsAtMs, nowMs });
  if (violations.length > 0) {
    util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.event = newEventRecord(input, {
    id: util.autoId(),
    organizerId: actor.organizerId,
    startsAt: util.time.epochMilliSecondsToISO8601(startsAtMs),
    endsAt: util.time.epochMilliSecondsToISO8601(endsAtMs),
    now: util.time.epochMilliSecondsToISO8601(nowMs),
  });
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
