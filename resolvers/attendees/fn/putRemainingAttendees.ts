// Pipeline function: the attendees of a call beyond the first transaction's room (a call of
// 98 to 100), already counted. One that exists by now was invited by a concurrent request: it
// becomes a duplicate, and releaseUnplaced gives its count back.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ATTENDEES_PER_TRANSACTION } from '../../lib/invites';
import type { AttendeeRecord } from '../../lib/records';

export function request(ctx: Context) {
  const rest = ((ctx.stash.attendees ?? []) as AttendeeRecord[]).slice(ATTENDEES_PER_TRANSACTION);
  if (ctx.stash.refusal || rest.length === 0) runtime.earlyReturn(null);
  const table = ctx.env.TABLE_NAME;
  return {
    operation: 'TransactWriteItems',
    transactItems: rest.map((attendee) => {
      const { pk, sk, ...attributes } = attendee;
      return {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ pk, sk }),
        attributeValues: util.dynamodb.toMapValues(attributes),
        condition: { expression: 'attribute_not_exists(pk)' },
      };
    }),
  };
}

export function response(ctx: Context) {
  const rest = (ctx.stash.attendees as AttendeeRecord[]).slice(ATTENDEES_PER_TRANSACTION);
  if (ctx.error) {
    const reasons = ctx.result ? ctx.result.cancellationReasons : null;
    if (!reasons) util.error(ctx.error.message, ctx.error.type);
    // All or nothing: none of the rest was written.
    ctx.stash.unplaced = rest;
    ctx.stash.duplicates = ctx.stash.duplicates.concat(rest.map((a) => ({ email: a.email, reason: 'invited by another request at the same moment' })));
    return null;
  }
  ctx.stash.invited = ctx.stash.invited.concat(rest);
  return null;
}
