// Query.notesByOwner: Query on the byOwner index, paginated.
import { util, type Context } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';

export function request(ctx: Context) {
  return query({ index: 'byOwner', query: { owner: { eq: ctx.args.owner } }, limit: ctx.args.limit, nextToken: ctx.args.nextToken });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
