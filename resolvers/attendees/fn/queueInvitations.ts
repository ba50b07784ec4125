// Pipeline function (Lambda data source inviteQueuer): one invite-dispatch message per mail,
// SendMessageBatch: ctx.stash.dispatch, or by default a REQUEST for each newly invited
// attendee (ctx.stash.invited). The attendees are already recorded: a failure to queue is
// reported alongside the result, never undoes them.
import { runtime, util, type Context } from '@aws-appsync/utils';
import type { DispatchMessage, QueueInvitationsResult } from '../../lib/dispatch';
import type { AttendeeRecord, EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  const event = ctx.stash.event as EventRecord;
  const invited = (ctx.stash.invited ?? []) as AttendeeRecord[];
  const messages = (ctx.stash.dispatch ??
    invited.map((a): DispatchMessage => ({ kind: 'REQUEST', reason: 'INVITED', eventId: a.eventId, email: a.email, sequence: event.sequence }))) as DispatchMessage[];
  if (ctx.stash.refusal || messages.length === 0) runtime.earlyReturn(ctx.prev.result);
  return { operation: 'Invoke', payload: { messages } };
}

export function response(ctx: Context) {
  if (ctx.error) {
    util.appendError(`The invitations are recorded but could not be queued for mailing: ${ctx.error.message}`, 'DeliveryDelayed');
    return null;
  }
  const result = ctx.result as QueueInvitationsResult;
  if (result.failed.length > 0) {
    util.appendError(`${result.failed.length} invitations are recorded but could not be queued for mailing.`, 'DeliveryDelayed', null, { failed: result.failed });
  }
  return result;
}
