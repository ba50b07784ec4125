// Mutation.suspendOrganizer (unit resolver on the table, `admins` only): status SUSPENDED with
// the reason. The organizer can still read, but not change anything (checkOrganizerActive).
import { util, type Context } from '@aws-appsync/utils';
import type { MutationSuspendOrganizerArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { suspendUpdate, suspensionViolations } from '../lib/organizerAdmin';
import { updatedOrganizer, updateExistingOrganizer } from './updateExistingOrganizer';
import { describeViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationSuspendOrganizerArgs>) {
  const violations = suspensionViolations(ctx.args.reason);
  if (violations.length > 0) util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  const update = suspendUpdate(ctx.args.reason, util.time.nowISO8601());
  return updateExistingOrganizer(ctx.args.id, update);
}

export function response(ctx: Context<MutationSuspendOrganizerArgs>) {
  return updatedOrganizer(ctx);
}
