// Pipeline function: one transaction puts the event and counts it on the organizer
// (activeEvents + 1, stats.eventsCreated + 1), on condition that the organizer is still
// ACTIVE and stays within maxActiveEvents, so concurrent creates cannot cross the limit.
import { util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';
import { organizerKey } from '../../lib/keys';
import { activeEventsRefusal } from '../../lib/organizers';
import type { EventRecord, OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const refusal = activeEventsRefusal(organizer);
  if (refusal) util.error(refusal.message, refusal.errorType, null, refusal.errorInfo);
  const event = ctx.stash.event as EventRecord;
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
    // The fetched organizer was active and under its limit, so a failed condition on it
    // means a concurrent create reached the limit first.
    if (reasons && reasons[1] && reasons[1].type === 'ConditionalCheckFailed') {
      const organizer = ctx.stash.organizer as OrganizerRecord;
      util.error(
        `You reached the most active events your account allows (maxActiveEvents ${organizer.limits.maxActiveEvents}).`,
        ErrorType.LimitExceeded,
        null,
        { limit: 'maxActiveEvents', value: organizer.limits.maxActiveEvents },
      );
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.event as EventRecord;
}

