// Query.organizer (unit resolver on the table): one organizer, for administrators (the
// schema lets only the `admins` group call it).
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { QueryOrganizerArgs } from '../../generated/graphql';
import { organizerKey } from '../lib/keys';
import { organizerNotFound } from '../lib/organizerAdmin';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';

export function request(ctx: Context<QueryOrganizerArgs>) {
  return get({ key: organizerKey(ctx.args.id) });
}

export function response(ctx: Context<QueryOrganizerArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const organizer = (ctx.result ?? null) as OrganizerRecord | null;
  if (!organizer) {
    const notFound = organizerNotFound(ctx.args.id);
    util.error(notFound.message, notFound.errorType);
  }
  return toOrganizer(organizer);
}
