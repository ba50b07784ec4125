// Query.context: NONE, returns what AppSync hands the resolver.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return {
    payload: {
      arguments: ctx.arguments,
      identity: ctx.identity,
      source: ctx.source,
      info: {
        fieldName: ctx.info.fieldName,
        parentTypeName: ctx.info.parentTypeName,
        variables: ctx.info.variables,
        selectionSetList: ctx.info.selectionSetList,
      },
      headers: ctx.request.headers,
      authType: util.authType(),
      env: ctx.env,
    },
  };
}

export function response(ctx: Context) {
  return ctx.result;
}
