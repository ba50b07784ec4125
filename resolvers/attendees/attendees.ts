// Query.attendees: getEventToRead (its organizer, an admin, or IAM for its organizer) ->
// queryAttendees (the event's attendee items in address order, filtered, paged).
import { util, type Context } from '@aws-appsync/utils';
import type { QueryAttendeesArgs } from '../../generated/graphql';
import { ATTENDEES_PAGE, toAttendee } from '../lib/attendees';
import { ErrorType } from '../lib/errorTypes';
import { actorOf, isActorRefusal } from '../lib/identity';
import type { AttendeeRecord } from '../lib/records';

export function request(ctx: Context<QueryAttendeesArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const limit = ctx.args.limit ?? ATTENDEES_PAGE.defaultLimit;
  if (limit < 1 || limit > ATTENDEES_PAGE.maxLimit) {
    const message = `limit must be between 1 and ${ATTENDEES_PAGE.maxLimit}`;
    util.error(message, ErrorType.ValidationError, null, { violations: [{ field: 'limit', message }] });
  }
  ctx.stash.actor = actor;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.limit = limit;
  return {};
}

export function response(ctx: Context) {
  const page = ctx.prev.result as { items: AttendeeRecord[]; nextToken?: string | null };
  return { items: page.items.map(toAttendee), nextToken: page.nextToken ?? null };
}
