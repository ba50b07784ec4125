// Pipeline function: apply an update to the loaded event (ctx.stash.event): the changed
// fields, version + 1, and sequence + 1 when attendees see the change, on condition that the
// version is still the one read and the event still active. Nothing to change writes nothing.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';
import { eventChanges, type UpdateInstants } from '../../lib/eventChanges';
import { eventKey } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';
import { describeViolations } from '../../lib/validateEvent';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  const given = ctx.stash.times as { startsAtMs: number | null; endsAtMs: number | null; nowMs: number };
  const startsAtMs = given.startsAtMs ?? util.time.parseISO8601ToEpochMilliSeconds(event.startsAt);
  const endsAtMs = given.endsAtMs ?? util.time.parseISO8601ToEpochMilliSeconds(event.endsAt);
  const instants: UpdateInstants = {
    startsAtMs,
    endsAtMs,
    nowMs: given.nowMs,
    startsAt: util.time.epochMilliSecondsToISO8601(startsAtMs),
    endsAt: util.time.epochMilliSecondsToISO8601(endsAtMs),
  };
  const { violations, changes, visible } = eventChanges(event, ctx.stash.input, instants);
  if (violations.length > 0) util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  const fields = Object.keys(changes);
  if (fields.length === 0) runtime.earlyReturn(event);

  const names: Record<string, string> = { '#version': 'version', '#sequence': 'sequence', '#updatedAt': 'updatedAt', '#status': 'status' };
  const values: Record<string, unknown> = { ':one': 1, ':seq': visible ? 1 : 0, ':now': util.time.nowISO8601(), ':expected': event.version, ':active': 'ACTIVE' };
  const sets = fields.map((field) => {
    names[`#${field}`] = field;
    values[`:${field}`] = (changes as Record<string, unknown>)[field];
    return `#${field} = :${field}`;
  });
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(eventKey(event.id)),
    update: {
      expression: `SET ${sets.join(', ')}, #updatedAt = :now, #version = #version + :one, #sequence = #sequence + :seq`,
      expressionNames: names,
      expressionValues: util.dynamodb.toMapValues(values),
    },
    condition: {
      expression: '#version = :expected AND #status = :active',
      expressionNames: { '#version': 'version', '#status': 'status' },
      expressionValues: util.dynamodb.toMapValues({ ':expected': event.version, ':active': 'ACTIVE' }),
    },
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      util.error('The event changed while you were changing it: read it again and retry.', ErrorType.Conflict, null, { reason: 'VERSION_CONFLICT' });
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result as EventRecord;
}
