// Pipeline function: the import job ctx.stash.jobId of ctx.stash.eventId (read already allowed).
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { ErrorType } from '../../lib/errorTypes';
import { importJobKey } from '../../lib/keys';

export function request(ctx: Context) {
  return get({ key: importJobKey(ctx.stash.eventId, ctx.stash.jobId), consistentRead: true });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!ctx.result) util.error(`No import ${ctx.stash.jobId} for event ${ctx.stash.eventId}.`, ErrorType.NotFound);
  return ctx.result;
}
