// Pipeline function: an attendee's answers, oldest first (sort keys carry the time).
import { util, type Context } from '@aws-appsync/utils';
import { rsvpHistoryPrefix } from '../../lib/keys';

export function request(ctx: Context) {
  return {
    operation: 'Query',
    query: {
      expression: 'pk = :pk AND begins_with(sk, :prefix)',
      expressionValues: util.dynamodb.toMapValues({ ':pk': `event#${ctx.stash.eventId}`, ':prefix': rsvpHistoryPrefix(ctx.stash.email) }),
    },
    consistentRead: true,
    limit: 1000,
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result.items;
}
