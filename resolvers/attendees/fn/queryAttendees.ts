// Pipeline function: a page of the event's attendees, by answer and delivery state if asked.
import { util, type Context } from '@aws-appsync/utils';
import { ATTENDEE_SK_PREFIX, eventKey } from '../../lib/keys';

export function request(ctx: Context) {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (ctx.args.status) {
    clauses.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = ctx.args.status;
  }
  if (ctx.args.delivery) {
    clauses.push('#delivery.#state = :state');
    names['#delivery'] = 'delivery';
    names['#state'] = 'state';
    values[':state'] = ctx.args.delivery;
  }
  return {
    operation: 'Query',
    query: {
      expression: '#pk = :pk AND begins_with(#sk, :prefix)',
      expressionNames: { '#pk': 'pk', '#sk': 'sk' },
      expressionValues: util.dynamodb.toMapValues({ ':pk': eventKey(ctx.stash.eventId).pk, ':prefix': ATTENDEE_SK_PREFIX }),
    },
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken ?? null,
    ...(clauses.length > 0
      ? { filter: { expression: clauses.join(' AND '), expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) } }
      : {}),
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
