// Pipeline function: the import jobs of ctx.stash.eventId (read already allowed), under the
// event's partition. Jobs expire after 90 days, so an event keeps few; 100 is plenty.
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { eventKey, IMPORT_SK_PREFIX } from '../../lib/keys';

export function request(ctx: Context) {
  return query({
    query: { pk: { eq: eventKey(ctx.stash.eventId).pk }, sk: { beginsWith: IMPORT_SK_PREFIX } },
    limit: 100,
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result.items;
}
