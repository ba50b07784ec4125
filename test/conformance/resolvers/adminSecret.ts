// Query.adminSecret: NONE.
import type { Context } from '@aws-appsync/utils';

export function request() {
  return { payload: 'the admins know' };
}

export function response(ctx: Context) {
  return ctx.result;
}
