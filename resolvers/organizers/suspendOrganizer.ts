// Mutation.suspendOrganizer (unit resolver on the table, `admins` only): status SUSPENDED with
// the reason. The organizer can still read, but not change anything (checkOrganizerActive).
import { util, type Context } from '@aws-appsync/utils';
import type { MutationSuspendOrganizerArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { organizerKey } from '../lib/keys';
import { CONDITION_FAILED, ORGANIZER_EXISTS, organizerNotFound, suspendUpdate, suspensionViolations } from '../lib/organizerAdmin';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';
import { describeViolations } from '../lib/validateEvent';

export function request(ctx: Context<MutationSuspendOrganizerArgs>) {
  const violations = suspensionViolations(ctx.args.reason);
  if (violations.length > 0) util.error(describeViolations(violations), ErrorType.ValidationError, null, { violations });
  const update = suspendUpdate(ctx.args.reason, util.time.nowISO8601());
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

export function response(ctx: Context<MutationSuspendOrganizerArgs>) {
  if (ctx.error) {
    if (ctx.error.type === CONDITION_FAILED) {
      const notFound = organizerNotFound(ctx.args.id);
      util.error(notFound.message, notFound.errorType);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return toOrganizer(ctx.result as OrganizerRecord);
}
