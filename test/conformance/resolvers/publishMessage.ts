// Mutation.publishMessage: NONE, the message as subscribers will see it.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return {
    payload: {
      id: util.autoId(),
      room: ctx.args.room,
      body: ctx.args.body,
      priority: ctx.args.priority,
      tags: ctx.args.tags ?? [],
      apiKeyOnly: 'secret for API key callers',
    },
  };
}

export function response(ctx: Context) {
  return ctx.result;
}
