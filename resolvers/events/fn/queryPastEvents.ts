// Pipeline function: once upcoming events are exhausted, fill the page with the caller's
// events that started before the pivot, most recent first.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import type { EventsCursor } from '../../lib/eventsCursor';
import { EVENTS_BY_ORGANIZER } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  const cursor = ctx.stash.cursor as EventsCursor;
  const items = ctx.stash.items as EventRecord[];
  const room: number = ctx.stash.limit - items.length;
  if (cursor.phase === 'upcoming' && (ctx.stash.upcomingToken || room === 0)) runtime.earlyReturn(null);
  ctx.stash.pastQueried = true;
  return query<EventRecord>({
    index: EVENTS_BY_ORGANIZER.indexName,
    query: { organizerId: { eq: ctx.stash.organizerId }, startsAt: { lt: cursor.pivot } },
    scanIndexForward: false,
    limit: room,
    ...(ctx.stash.status ? { filter: { status: { eq: ctx.stash.status } } } : {}),
    nextToken: cursor.phase === 'past' ? cursor.token : null,
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  ctx.stash.items = (ctx.stash.items as EventRecord[]).concat(ctx.result.items);
  ctx.stash.pastToken = ctx.result.nextToken ?? null;
  return null;
}
