// Mutation.setOrganizerLimits (unit resolver on the table, `admins` only): sets the limits
// given, keeps the others. A maxActiveEvents below the current activeEvents is allowed:
// existing events stay, new ones are refused with LimitExceeded.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationSetOrganizerLimitsArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { limitsUpdate, limitsViolations } from '../lib/organizerAdmin';
import { updatedOrganizer, updateExistingOrganizer } from './updateExistingOrganizer';
import { describeViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationSetOrganizerLimitsArgs>) {
  const violations = limitsViolations(ctx.args.limits);
  if (violations.length > 0) util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  const update = limitsUpdate(ctx.args.limits, util.time.nowISO8601());
  return updateExistingOrganizer(ctx.args.id, update);
}

export function response(ctx: Context<MutationSetOrganizerLimitsArgs>) {
  return updatedOrganizer(ctx);
}
