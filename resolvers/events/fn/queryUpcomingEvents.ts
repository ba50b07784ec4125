// Pipeline function: the caller's events starting at or after the pivot, soonest first.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { EventsCursor } from '../../lib/eventsCursor';
import { EVENTS_BY_ORGANIZER } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  const cursor = ctx.stash.cursor as EventsCursor;
  if (cursor.phase !== 'upcoming') runtime.earlyReturn(null);
  return query<EventRecord>({
    index: EVENTS_BY_ORGANIZER.indexName,
    query: { organizerId: { eq: ctx.stash.organizerId }, startsAt: { ge: cursor.pivot } },
    scanIndexForward: true,
    limit: ctx.stash.limit,
    ...(ctx.stash.status ? { filter: { status: { eq: ctx.stash.status } } } : {}),
    nextToken: cursor.token,
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  ctx.stash.items = ctx.result.items;
  ctx.stash.upcomingToken = ctx.result.nextToken ?? null;
  return null;
}
