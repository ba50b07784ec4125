// What the three administrator mutations share: one UpdateItem on an organizer that must
// exist, and its answer (the organizer, or NotFound for an unknown id). Not a resolver: each
// resolver's bundle includes it.
import { util, type Context } from '@aws-appsync/utils';
import { organizerKey } from '../lib/keys';
import { CONDITION_FAILED, ORGANIZER_EXISTS, organizerNotFound, type OrganizerUpdate } from '../lib/organizerAdmin';
import { toOrganizer } from '../lib/organizers';
import type { OrganizerRecord } from '../lib/records';

export function updateExistingOrganizer(id: string, update: OrganizerUpdate) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(organizerKey(id)),
    update: {
      expression: update.expression,
      expressionNames: update.expressionNames,
      expressionValues: util.dynamodb.toMapValues(update.expressionValues),
    },
    condition: { expression: ORGANIZER_EXISTS.expression, expressionNames: ORGANIZER_EXISTS.expressionNames },
  };
}

export function updatedOrganizer(ctx: Context<{ id: string }>) {
  if (ctx.error) {
    if (ctx.error.type === CONDITION_FAILED) {
      const notFound = organizerNotFound(ctx.args.id);
      util.error(notFound.message, notFound.errorType);
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return toOrganizer(ctx.result as OrganizerRecord);
}
