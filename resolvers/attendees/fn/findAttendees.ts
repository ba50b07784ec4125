// Pipeline function: which of the call's valid addresses are already attendees of the event
// (one BatchGetItem of up to 100 keys, strongly consistent).
import { runtime, util, type Context } from '@aws-appsync/utils';
import type { ParsedInvitees } from '../../lib/invites';
import { attendeeKey } from '../../lib/keys';
import type { AttendeeRecord } from '../../lib/records';

export function request(ctx: Context) {
  const parsed = ctx.stash.parsed as ParsedInvitees;
  if (ctx.stash.refusal || parsed.valid.length === 0) runtime.earlyReturn([]);
  const table = ctx.env.TABLE_NAME;
  return {
    operation: 'BatchGetItem',
    tables: {
      [table]: {
        keys: parsed.valid.map((invitee) => util.dynamodb.toMapValues(attendeeKey(ctx.stash.eventId, invitee.email))),
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const found = (ctx.result.data[ctx.env.TABLE_NAME] as (AttendeeRecord | null)[]).filter((a) => a !== null);
  ctx.stash.existing = found;
  return found;
}
