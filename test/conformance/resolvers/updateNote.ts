// Mutation.updateNote: UpdateItem with the operations helpers.
import { util, type Context } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';

export function request(ctx: Context) {
  const changes: Record<string, unknown> = {};
  if (ctx.args.text) changes.text = ctx.args.text;
  if (ctx.args.addStars) changes.stars = operations.increment(ctx.args.addStars);
  return update({ key: { id: ctx.args.id }, update: changes, condition: { id: { attributeExists: true } } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
