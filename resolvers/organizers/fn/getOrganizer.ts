// Pipeline function: load the calling organizer (ctx.stash.organizerId) into ctx.stash.organizer.
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { organizerKey } from '../../lib/keys';
import type { OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  return get({ key: organizerKey(ctx.stash.organizerId) });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const organizer = (ctx.result ?? null) as OrganizerRecord | null;
  ctx.stash.organizer = organizer;
  return organizer;
}
