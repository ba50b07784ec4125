// Mutation.cancelEvent: getOrganizer -> registerOrganizer -> checkOrganizerActive ->
// getEventToChange (owner, not already cancelled) -> cancelEventAndUncountIt -> noticeRefusal.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationCancelEventArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { actorOf, isActorRefusal } from '../lib/identity';
import { CANCEL_REASON_MAX_LENGTH } from '../lib/validateEvent';

export function request(ctx: Context<MutationCancelEventArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const reason = (ctx.args.reason ?? '').trim();
  if (reason.length > CANCEL_REASON_MAX_LENGTH) {
    const message = `reason must be at most ${CANCEL_REASON_MAX_LENGTH} characters (got ${reason.length})`;
    util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'reason', message }] });
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.eventId = ctx.args.id;
  ctx.stash.reason = reason.length > 0 ? reason : null;
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
