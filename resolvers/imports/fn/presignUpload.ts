// Pipeline function (Lambda data source importUploads): a presigned PUT URL for the job's
// object in the imports bucket; the upload's arrival starts the importer.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { IMPORT_CONTENT_TYPE, UPLOAD_URL_SECONDS } from '../../lib/imports';
import type { ImportJobRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const job = ctx.stash.job as ImportJobRecord;
  return { operation: 'Invoke', payload: { objectKey: job.objectKey, contentType: IMPORT_CONTENT_TYPE, expiresInSeconds: UPLOAD_URL_SECONDS } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(`The import is recorded but no upload URL could be made: ${ctx.error.message}`, 'UploadUnavailable');
  ctx.stash.upload = ctx.result;
  return ctx.result;
}
