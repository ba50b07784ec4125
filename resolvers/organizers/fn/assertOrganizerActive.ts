// Pipeline function (NONE data source): refuse changes by a suspended organizer.
import { util, type Context } from '@aws-appsync/utils';
import { inactiveRefusal } from '../../lib/organizers';
import type { OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const refusal = inactiveRefusal(organizer);
  if (refusal) util.error(refusal.message, refusal.errorType, null, refusal.errorInfo);
  return { payload: organizer };
}

export function response(ctx: Context) {
  return ctx.result;
}
