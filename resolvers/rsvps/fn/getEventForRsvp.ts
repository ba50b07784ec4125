// Pipeline function: the event an answer is for. It exists (NotFound), is not cancelled
// (Conflict), and when an organizer answers for an attendee, it is theirs (Unauthorized).
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { ErrorType } from '../../lib/errorTypes';
import { eventKey } from '../../lib/keys';
import type { EventRecord } from '../../lib/records';

export function request(ctx: Context) {
  return get({ key: eventKey(ctx.stash.eventId), consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const event = ctx.result as EventRecord | null;
  if (!event) util.error(`No event with id ${ctx.stash.eventId}.`, ErrorType.NotFound);
  if (ctx.stash.via === 'ORGANIZER' && event.organizerId !== ctx.stash.organizerId) {
    util.error('This event belongs to another organizer.', ErrorType.Unauthorized, null, { reason: 'NOT_EVENT_ORGANIZER' });
  }
  if (event.status === 'CANCELLED') {
    util.error('This event is cancelled: it takes no more answers.', ErrorType.Conflict, null, { reason: 'EVENT_CANCELLED' });
  }
  ctx.stash.event = event;
  return event;
}
