// Mutation.createEvent: validate -> getOrganizer -> registerOrganizer -> checkOrganizerActive
// -> putEventAndCountIt (one transaction) -> noticeRefusal.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreateEventArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { newEventRecord } from '../lib/events';
import { actorOf, isActorRefusal } from '../lib/identity';
import { describeViolations, eventInputViolations } from '../lib/validateEvent';

const EVENT_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

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
  // A backend names the event it creates, so that its retry finds it (putEventAndCountIt).
  let id = util.autoId();
  if (actor.viaIam && ctx.args.id) {
    if (!util.matches(EVENT_ID_PATTERN, ctx.args.id)) {
      const message = 'id must be a lower-case UUID';
      util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'id', message }] });
    }
    id = ctx.args.id;
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.event = newEventRecord(input, {
    id,
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
