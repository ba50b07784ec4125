// Book.author: Lambda BatchInvoke, one payload per book.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { operation: 'BatchInvoke', payload: { authorId: ctx.source.authorId } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
