// Mutation.reinstateOrganizer (unit resolver on the table, `admins` only): status ACTIVE again,
// the suspension reason removed.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationReinstateOrganizerArgs } from '../../generated/graphql';
import { reinstateUpdate } from '../lib/organizerAdmin';
import { updatedOrganizer, updateExistingOrganizer } from './updateExistingOrganizer';

export function request(ctx: Context<MutationReinstateOrganizerArgs>) {
  const update = reinstateUpdate(util.time.nowISO8601());
  return updateExistingOrganizer(ctx.args.id, update);
}

export function response(ctx: Context<MutationReinstateOrganizerArgs>) {
  return updatedOrganizer(ctx);
}
