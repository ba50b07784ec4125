// Pipeline function: load ctx.stash.eventId for a read by ctx.stash.actor: its organizer, an
// admin, or an IAM caller acting for its organizer.
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { ErrorType } from '../../lib/errorTypes';
import { maySeeEvent } from '../../lib/events';
import { eventKey } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  return get({ key: eventKey(ctx.stash.eventId) });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const event = ctx.result as EventRecord | null;
  if (!event) util.error(`No event with id ${ctx.stash.eventId}.`, ErrorType.NotFound);
  if (!maySeeEvent(event, ctx.stash.actor.organizerId, ctx.stash.actor.admin)) {
    util.error('This event belongs to another organizer.', ErrorType.Unauthorized, null, { reason: 'NOT_EVENT_ORGANIZER' });
  }
  ctx.stash.event = event;
  return event;
}
