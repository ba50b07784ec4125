// Mutation.removeAttendee: getOrganizer -> registerOrganizer -> checkOrganizerActive ->
// getEventToChange -> getAttendee -> deleteAttendeeAndUncountIt -> queueInvitations (a CANCEL
// to the removed attendee) -> noticeRefusal. Answers the attendee as it was.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationRemoveAttendeeArgs } from '../../generated/graphql';
import { toAttendee } from '../lib/attendees';
import { actorOf, isActorRefusal } from '../lib/identity';
import type { AttendeeRecord } from '../lib/records';

export function request(ctx: Context<MutationRemoveAttendeeArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.email = ctx.args.email;
  return {};
}

export function response(ctx: Context) {
  return toAttendee(ctx.stash.attendee as AttendeeRecord);
}
