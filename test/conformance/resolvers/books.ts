// Query.books: NONE, a list of books with author ids (at most 10).
import type { Context } from '@aws-appsync/utils';

const IDS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function request(ctx: Context) {
  return { payload: IDS.slice(0, ctx.args.count).map((i) => ({ id: `book-${i}`, authorId: `a${i}` })) };
}

export function response(ctx: Context) {
  return ctx.result;
}
