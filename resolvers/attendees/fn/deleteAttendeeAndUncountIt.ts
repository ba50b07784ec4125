// Pipeline function: one transaction deletes the attendee (still with the answer read) and
// takes it off the event's counts; then the removed attendee gets a CANCEL (queueInvitations).
import { runtime, util, type Context } from '@aws-appsync/utils';
import { countField } from '../../lib/attendees';
import type { DispatchMessage } from '../../lib/dispatch';
import { ErrorType } from '../../lib/errorTypes';
import { eventKey } from '../../lib/keys';
import type { AttendeeRecord, EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const attendee = ctx.stash.attendee as AttendeeRecord;
  const event = ctx.stash.event as EventRecord;
  const table = ctx.env.TABLE_NAME;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'DeleteItem',
        key: util.dynamodb.toMapValues({ pk: attendee.pk, sk: attendee.sk }),
        condition: {
          expression: 'attribute_exists(pk) AND #status = :status',
          expressionNames: { '#status': 'status' },
          expressionValues: util.dynamodb.toMapValues({ ':status': attendee.status }),
        },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(eventKey(event.id)),
        update: {
          expression: 'ADD #counts.#invited :minus, #counts.#answer :minus',
          expressionNames: { '#counts': 'counts', '#invited': 'invited', '#answer': countField(attendee.status) },
          expressionValues: util.dynamodb.toMapValues({ ':minus': -1 }),
        },
      },
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.result && ctx.result.cancellationReasons) {
      util.error('This attendee changed (answered or was removed) meanwhile: read the guest list again and retry.', ErrorType.Conflict, null, {
        reason: 'ATTENDEE_CHANGED',
      });
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  const attendee = ctx.stash.attendee as AttendeeRecord;
  const event = ctx.stash.event as EventRecord;
  // The removed attendee's copy moves on one SEQUENCE, so their client applies the CANCEL.
  const cancel: DispatchMessage = {
    kind: 'CANCEL',
    reason: 'REMOVED',
    eventId: event.id,
    email: attendee.email,
    name: attendee.name,
    invitedAt: attendee.invitedAt,
    sequence: event.sequence + 1,
  };
  ctx.stash.dispatch = [cancel];
  return attendee;
}
