// Mutation.putNote: PutItem that refuses to overwrite.
import { util, type Context } from '@aws-appsync/utils';
import { put } from '@aws-appsync/utils/dynamodb';

type Note = { id: string; owner: string; text: string; stars: number };

export function request(ctx: Context) {
  return put<Note>({ key: { id: ctx.args.id }, item: { owner: ctx.args.owner, text: ctx.args.text, stars: 0 }, condition: { id: { attributeExists: false } } });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
