// Pipeline function: gives back the counts taken for attendees putRemainingAttendees could not
// place (a concurrent request invited them), so the counters match the attendee items.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { utcDay } from '../../lib/invites';
import { eventKey, invitationsDayKey, organizerKey } from '../../lib/keys';
import type { AttendeeRecord, EventRecord, OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  const unplaced = (ctx.stash.unplaced ?? []) as AttendeeRecord[];
  if (unplaced.length === 0) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const back = -unplaced.length;
  const table = ctx.env.TABLE_NAME;
  const add = (key: { pk: string; sk: string }, expression: string, names: Record<string, string>) => ({
    table,
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(key),
    update: { expression, expressionNames: names, expressionValues: util.dynamodb.toMapValues({ ':n': back }) },
  });
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      add(eventKey(event.id), 'ADD #counts.#invited :n, #counts.#needsAction :n', { '#counts': 'counts', '#invited': 'invited', '#needsAction': 'needsAction' }),
      add(invitationsDayKey(organizer.id, utcDay(unplaced[0].invitedAt)), 'ADD #count :n', { '#count': 'count' }),
      add(organizerKey(organizer.id), 'ADD #stats.#sent :n', { '#stats': 'stats', '#sent': 'invitationsSent' }),
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) console.log(`counts of ${(ctx.stash.unplaced as AttendeeRecord[]).length} unplaced attendees not given back: ${ctx.error.message}`);
  return null;
}
