// Query.echo / fail / slow: Lambda Invoke with the field name and arguments.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { operation: 'Invoke', payload: { field: ctx.info.fieldName, arguments: ctx.args, identity: ctx.identity } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
