// Mutation.reportImportProgress (IAM: the importer): the job as stored, which AppSync then
// pushes to onImportProgress subscribers of that job.
import { util, type Context } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { MutationReportImportProgressArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { toImportJob } from '../lib/imports';
import { importJobKey } from '../lib/keys';
import type { ImportJobRecord } from '../lib/records';

export function request(ctx: Context<MutationReportImportProgressArgs>) {
  return get({ key: importJobKey(ctx.args.eventId, ctx.args.id), consistentRead: true });
}

export function response(ctx: Context<MutationReportImportProgressArgs>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  if (!ctx.result) util.error(`No import ${ctx.args.id} for event ${ctx.args.eventId}.`, ErrorType.NotFound);
  return toImportJob(ctx.result as ImportJobRecord);
}
