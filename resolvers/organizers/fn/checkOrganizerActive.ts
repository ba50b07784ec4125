// Pipeline function (NONE data source): a suspended organizer's change is refused. The
// refusal is kept in the stash, not raised, so that noticeRefusal records a notice for the
// organizer before the error goes back; the functions in between do nothing meanwhile.
import type { Context } from '@aws-appsync/utils';
import type { Refusal } from '../../lib/notices';
import { inactiveRefusal } from '../../lib/organizers';
import type { OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const refusal = inactiveRefusal(organizer);
  if (refusal) {
    const refused: Refusal = { ...refusal, operation: ctx.info.fieldName, eventId: ctx.stash.eventId ?? null };
    ctx.stash.refusal = refused;
  }
  return { payload: organizer };
}

export function response(ctx: Context) {
  return ctx.result;
}
