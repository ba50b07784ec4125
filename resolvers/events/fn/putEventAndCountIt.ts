// Pipeline function: one transaction puts the event and counts it on the organizer
// (activeEvents + 1, stats.eventsCreated + 1), on condition that the organizer is still
// ACTIVE and stays within maxActiveEvents, so concurrent creates cannot cross the limit.
// A refusal (suspended, at the limit) goes to the stash for noticeRefusal.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';
import { organizerKey } from '../../lib/keys';
import type { Refusal } from '../../lib/notices';
import { activeEventsRefusal } from '../../lib/organizers';
import type { EventRecord, OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const event = ctx.stash.event as EventRecord;
  const refusal = activeEventsRefusal(organizer);
  if (refusal) {
    const refused: Refusal = { ...refusal, operation: 'createEvent', eventTitle: event.title };
    ctx.stash.refusal = refused;
    runtime.earlyReturn(null);
  }
  const { pk, sk, ...attributes } = event;
  const table = ctx.env.TABLE_NAME;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ pk, sk }),
        attributeValues: util.dynamodb.toMapValues(attributes),
        condition: { expression: 'attribute_not_exists(pk)' },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(organizerKey(organizer.id)),
        update: {
          expression: 'SET #active = #active + :one, #updatedAt = :now ADD #stats.#created :one',
          expressionNames: { '#active': 'activeEvents', '#updatedAt': 'updatedAt', '#stats': 'stats', '#created': 'eventsCreated' },
          expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':now': event.createdAt }),
        },
        condition: {
          expression: '#status = :active AND #active < #limits.#max',
          expressionNames: { '#status': 'status', '#active': 'activeEvents', '#limits': 'limits', '#max': 'maxActiveEvents' },
          expressionValues: util.dynamodb.toMapValues({ ':active': 'ACTIVE' }),
        },
      },
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reasons = ctx.result ? ctx.result.cancellationReasons : null;
    // The event exists: a caller that named it (IAM, createEvent's `id`) is retrying.
    if (reasons && reasons[0] && reasons[0].type === 'ConditionalCheckFailed') {
      const eventId = (ctx.stash.event as EventRecord).id;
      util.error(`An event with id ${eventId} exists already.`, ErrorType.Conflict, null, { reason: 'EVENT_EXISTS', eventId });
    }
    // The fetched organizer was active and under its limit, so a failed condition on it
    // means a concurrent create reached the limit first (or a suspension came in between).
    if (reasons && reasons[1] && reasons[1].type === 'ConditionalCheckFailed') {
      const organizer = ctx.stash.organizer as OrganizerRecord;
      const max = organizer.limits.maxActiveEvents;
      const refused: Refusal = {
        errorType: 'LimitExceeded',
        message: `You reached the most active events your account allows (maxActiveEvents ${max}).`,
        errorInfo: { limit: 'maxActiveEvents', value: max },
        operation: 'createEvent',
        eventTitle: (ctx.stash.event as EventRecord).title,
      };
      ctx.stash.refusal = refused;
      return null;
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.event as EventRecord;
}
