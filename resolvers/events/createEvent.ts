// Mutation.createEvent: validate -> getOrganizer -> registerOrganizer ->
// assertOrganizerActive -> putEventAndCountIt (one transaction).
import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreateEventArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { newEventRecord } from '../lib/events';
import { emailClaimOf, organizerIdOf } from '../lib/identity';
import { describeViolations, eventInputViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationCreateEventArgs>) {
  const organizerId = organizerIdOf(ctx.identity);
  if (!organizerId) util.error('Sign in as an organizer (Cognito user pools) to create events.', ErrorType.Unauthorized);
  const input = ctx.args.input;
  const nowMs = util.time.nowEpochMilliSeconds();
  const startsAtMs = util.time.parseISO8601ToEpochMilliSeconds(input.startsAt);
  const endsAtMs = util.time.parseISO8601ToEpochMilliSeconds(input.endsAt);
  const violations = eventInputViolations(input, { startsAtMs, endsAtMs, nowMs });
  if (violations.length > 0) {
    util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  }
  ctx.stash.organizerId = organizerId;
  ctx.stash.callerEmail = emailClaimOf(ctx.identity);
  ctx.stash.event = newEventRecord(input, {
    id: util.autoId(),
    organizerId,
    startsAt: util.time.epochMilliSecondsToISO8601(startsAtMs),
    endsAt: util.time.epochMilliSecondsToISO8601(endsAtMs),
    now: util.time.epochMilliSecondsToISO8601(nowMs),
  });
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
