// Pipeline function: the first call of a new Cognito user registers it as an ACTIVE
// organizer with the default limits; for a known organizer it does nothing. Users are
// registered at sign-up (the PostConfirmation trigger); this covers the others (users an
// administrator created). A backend (IAM) caller never registers anyone.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';
import { organizerKey, TABLE_KEY } from '../../lib/keys';
import { defaultLimitsFrom, newOrganizerRecord, setIfMissing } from '../../lib/organizers';
import type { OrganizerRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.organizer) runtime.earlyReturn(ctx.stash.organizer);
  const id: string = ctx.stash.organizerId;
  if (ctx.stash.viaIam) util.error(`No organizer with id ${id}.`, ErrorType.NotFound);
  const email: string | null = ctx.stash.callerEmail;
  if (!email) {
    util.error(
      'Your organizer account is not registered yet, and this token carries no email: call once with an ID token (it has the email claim) to register.',
      ErrorType.Unauthorized,
      null,
      { reason: 'EMAIL_REQUIRED' },
    );
  }
  const record = newOrganizerRecord(id, email, defaultLimitsFrom(ctx.env), util.time.nowISO8601());
  const update = setIfMissing(record, [TABLE_KEY.partitionKey, TABLE_KEY.sortKey]);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(organizerKey(id)),
    update: {
      expression: update.expression,
      expressionNames: update.expressionNames,
      expressionValues: util.dynamodb.toMapValues(update.expressionValues),
    },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const organizer = ctx.result as OrganizerRecord;
  ctx.stash.organizer = organizer;
  return organizer;
}
