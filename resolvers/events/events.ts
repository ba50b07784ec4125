// Query.events: the caller's events, upcoming first (see lib/eventsCursor.ts).
// Pipeline: queryUpcomingEvents -> queryPastEvents.
import { util, type Context } from '@aws-appsync/utils';
import type { QueryEventsArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { cursorText, EVENTS_PAGE, parseCursorText, type EventsCursor } from '../lib/eventsCursor';
import { actorOf, isActorRefusal } from '../lib/identity';
import type { EventRecord } from '../lib/records';

export function request(ctx: Context<QueryEventsArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const organizerId = actor.organizerId;
  const limit = ctx.args.limit ?? EVENTS_PAGE.defaultLimit;
  if (limit < 1 || limit > EVENTS_PAGE.maxLimit) {
    util.error(`limit must be between 1 and ${EVENTS_PAGE.maxLimit}`, ErrorType.ValidationError, null, {
      violations: [{ field: 'limit', message: `limit must be between 1 and ${EVENTS_PAGE.maxLimit}` }],
    });
  }
  let cursor: EventsCursor = { phase: 'upcoming', pivot: util.time.nowISO8601(), token: null };
  if (ctx.args.nextToken) {
    const parsed = parseCursorText(util.base64Decode(ctx.args.nextToken));
    if (!parsed) {
      util.error('nextToken is not a token this query returned', ErrorType.ValidationError, null, {
        violations: [{ field: 'nextToken', message: 'nextToken is not a token this query returned' }],
      });
    }
    cursor = parsed;
  }
  ctx.stash.organizerId = organizerId;
  ctx.stash.limit = limit;
  ctx.stash.cursor = cursor;
  ctx.stash.status = ctx.args.status ?? null;
  ctx.stash.items = [];
  return {};
}

export function response(ctx: Context) {
  const cursor = ctx.stash.cursor as EventsCursor;
  const items = ctx.stash.items as EventRecord[];
  let next: EventsCursor | null = null;
  if (ctx.stash.pastQueried) {
    if (ctx.stash.pastToken) next = { phase: 'past', pivot: cursor.pivot, token: ctx.stash.pastToken };
  } else if (ctx.stash.upcomingToken) {
    next = { phase: 'upcoming', pivot: cursor.pivot, token: ctx.stash.upcomingToken };
  } else {
    // The upcoming phase ended exactly on a full page: past events come next.
    next = { phase: 'past', pivot: cursor.pivot, token: null };
  }
  return { items, nextToken: next ? util.base64Encode(cursorText(next)) : null };
}
