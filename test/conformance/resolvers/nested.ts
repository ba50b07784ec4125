// Query.nested: NONE, five levels of nested objects.
import type { Context } from '@aws-appsync/utils';

export function request() {
  return { payload: { value: 1, child: { value: 2, child: { value: 3, child: { value: 4, child: { value: 5 } } } } } };
}

export function response(ctx: Context) {
  return ctx.result;
}
