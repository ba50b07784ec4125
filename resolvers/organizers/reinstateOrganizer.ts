// Mutation.reinstateOrganizer (unit resolver on the table, `admins` only): status ACTIVE again,
// the suspension reason removed.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationReinstateOrganizerArgs } from '../../generated/graphql';
import { organizerKey } from '../lib/keys';
import { CONDITION_FAILED, ORGANIZER_EXISTS, organizerNotFound, reinstateUpdate } from '../lib/organizerAdmin';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';

export function request(ctx: Context<MutationReinstateOrganizerArgs>) {
  const update = reinstateUpdate(util.time.nowISO8601());
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

export function response(ctx: Context<MutationReinstateOrganizerArgs>) {
  if (ctx.error) {
    if (ctx.error.type === CONDITION_FAILED) {
      const notFound = organizerNotFound(ctx.args.id);
      util.error(notFound.message, notFound.errorType);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return toOrganizer(ctx.result as OrganizerRecord);
}
