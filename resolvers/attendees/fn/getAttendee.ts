// Pipeline function: load the attendee a change is about (ctx.stash.email of ctx.stash.eventId).
import { runtime, util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { ErrorType } from '../../lib/errorTypes';
import { attendeeKey } from '../../lib/keys';
import type { AttendeeRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  return get({ key: attendeeKey(ctx.stash.eventId, ctx.stash.email), consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const attendee = ctx.result as AttendeeRecord | null;
  if (!attendee) util.error(`${ctx.stash.email} is not invited to this event.`, ErrorType.NotFound);
  ctx.stash.attendee = attendee;
  return attendee;
}
