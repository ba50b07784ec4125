// Mutation.deleteNote: DeleteItem, returning the deleted item.
import { util, type Context } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';

export function request(ctx: Context) {
  return remove({ key: { id: ctx.args.id } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
