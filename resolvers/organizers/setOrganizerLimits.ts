// Mutation.setOrganizerLimits (unit resolver on the table, `admins` only): sets the limits
// given, keeps the others. A maxActiveEvents below the current activeEvents is allowed:
// existing events stay, new ones are refused with LimitExceeded.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationSetOrganizerLimitsArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { organizerKey } from '../lib/keys';
import { CONDITION_FAILED, limitsUpdate, limitsViolations, ORGANIZER_EXISTS, organizerNotFound } from '../lib/organizerAdmin';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';
import { describeViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationSetOrganizerLimitsArgs>) {
  const violations = limitsViolations(ctx.args.limits);
  if (violations.length > 0) util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  const update = limitsUpdate(ctx.args.limits, util.time.nowISO8601());
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(organizerKey(ctx.args.id)),
    update: {
      expression: update.expression,
      expressionNames: update.expressionNames,
      expressionValues: util.dynamodb.toMapValues(update.expressionValues),
    },
    condition: { expression: ORGANIZER_EXISTS.expression, expressionNames: ORGANIZER_EXISTS.expressionNames },
  };
}

export function response(ctx: Context<MutationSetOrganizerLimitsArgs>) {
  if (ctx.error) {
    if (ctx.error.type === CONDITION_FAILED) {
      const notFound = organizerNotFound(ctx.args.id);
      util.error(notFound.message, notFound.errorType);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return toOrganizer(ctx.result as OrganizerRecord);
}
