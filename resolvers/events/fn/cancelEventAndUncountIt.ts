// Pipeline function: one transaction cancels the loaded event (status CANCELLED, sequence and
// version + 1, when and why) and takes it off the organizer's activeEvents, on condition that
// the event is still the version read and the organizer still ACTIVE.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';
import { eventKey, organizerKey } from '../../lib/keys';
import type { Refusal } from '../../lib/notices';
import { inactiveRefusal } from '../../lib/organizers';
import type { EventRecord, OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  const now = util.time.nowISO8601();
  const cancelled: EventRecord = {
    ...event,
    status: 'CANCELLED',
    sequence: event.sequence + 1,
    version: event.version + 1,
    cancelledAt: now,
    cancelReason: ctx.stash.reason,
    updatedAt: now,
  };
  ctx.stash.cancelled = cancelled;
  const table = ctx.env.TABLE_NAME;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(eventKey(event.id)),
        update: {
          expression: 'SET #status = :cancelled, #sequence = :sequence, #version = :version, #cancelledAt = :now, #cancelReason = :reason, #updatedAt = :now',
          expressionNames: {
            '#status': 'status',
            '#sequence': 'sequence',
            '#version': 'version',
            '#cancelledAt': 'cancelledAt',
            '#cancelReason': 'cancelReason',
            '#updatedAt': 'updatedAt',
          },
          expressionValues: util.dynamodb.toMapValues({
            ':cancelled': 'CANCELLED',
            ':sequence': cancelled.sequence,
            ':version': cancelled.version,
            ':now': now,
            ':reason': cancelled.cancelReason,
          }),
        },
        condition: {
          expression: '#status = :active AND #version = :read',
          expressionNames: { '#status': 'status', '#version': 'version' },
          expressionValues: util.dynamodb.toMapValues({ ':active': 'ACTIVE', ':read': event.version }),
        },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(organizerKey(event.organizerId)),
        update: {
          expression: 'SET #active = #active - :one, #updatedAt = :now',
          expressionNames: { '#active': 'activeEvents', '#updatedAt': 'updatedAt' },
          expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':now': now }),
        },
        condition: {
          expression: '#status = :active',
          expressionNames: { '#status': 'status' },
          expressionValues: util.dynamodb.toMapValues({ ':active': 'ACTIVE' }),
        },
      },
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reasons = ctx.result ? ctx.result.cancellationReasons : null;
    if (reasons && reasons[0] && reasons[0].type === 'ConditionalCheckFailed') {
      util.error('The event changed while you were cancelling it: read it again and retry.', ErrorType.Conflict, null, { reason: 'VERSION_CONFLICT' });
    }
    if (reasons && reasons[1] && reasons[1].type === 'ConditionalCheckFailed') {
      // Suspended between the check and the write.
      const organizer = { ...(ctx.stash.organizer as OrganizerRecord), status: 'SUSPENDED' } as OrganizerRecord;
      const refusal = inactiveRefusal(organizer);
      if (refusal) {
        const refused: Refusal = { ...refusal, operation: 'cancelEvent', eventId: ctx.stash.eventId, eventTitle: (ctx.stash.event as EventRecord).title };
        ctx.stash.refusal = refused;
        return null;
      }
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.cancelled as EventRecord;
}
