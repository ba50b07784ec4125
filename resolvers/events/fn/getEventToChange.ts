// Pipeline function: load the event a change is about (ctx.stash.eventId) and check that the
// actor may change it: it exists (NotFound), it is the actor's own (Unauthorized; admins read
// every event but change only their own), it is not cancelled (Conflict) and, when the caller
// says which version it read, that version is still current (Conflict).
import { runtime, util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { ErrorType } from '../../lib/errorTypes';
import { eventKey } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  return get({ key: eventKey(ctx.stash.eventId), consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const event = ctx.result as EventRecord | null;
  if (!event) util.error(`No event with id ${ctx.stash.eventId}.`, ErrorType.NotFound);
  if (event.organizerId !== ctx.stash.organizerId) {
    util.error('This event belongs to another organizer: only its organizer may change it.', ErrorType.Unauthorized, null, { reason: 'NOT_EVENT_ORGANIZER' });
  }
  if (event.status === 'CANCELLED') {
    util.error('This event is cancelled: it cannot change any more.', ErrorType.Conflict, null, { reason: 'EVENT_CANCELLED', currentVersion: event.version });
  }
  const expected = ctx.stash.expectedVersion as number | undefined;
  if (expected !== undefined && expected !== null && expected !== event.version) {
    util.error(
      `The event changed since you read it (version ${expected}, now ${event.version}): read it again and retry.`,
      ErrorType.Conflict,
      null,
      { reason: 'VERSION_CONFLICT', expectedVersion: expected, currentVersion: event.version },
    );
  }
  ctx.stash.event = event;
  return event;
}
