// Mutation.startImport: getOrganizer -> registerOrganizer -> checkOrganizerActive ->
// getEventToChange (owner, active) -> putImportJob -> presignUpload (Lambda data source:
// a presigned PUT URL for the job's object) -> noticeRefusal.
import { util, type Context } from '@aws-appsync/utils';
import type { MutationStartImportArgs } from '../../generated/graphql';
import { ErrorType } from '../lib/errorTypes';
import { actorOf, isActorRefusal } from '../lib/identity';
import { FILE_NAME_MAX_LENGTH, toImportJob } from '../lib/imports';
import type { ImportJobRecord } from '../lib/records';

export function request(ctx: Context<MutationStartImportArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  const fileName = (ctx.args.fileName ?? '').trim();
  if (fileName.length > FILE_NAME_MAX_LENGTH) {
    const message = `fileName must be at most ${FILE_NAME_MAX_LENGTH} characters (got ${fileName.length})`;
    util.error(`Invalid input: ${message}`, ErrorType.ValidationError, null, { violations: [{ field: 'fileName', message }] });
  }
  ctx.stash.organizerId = actor.organizerId;
  ctx.stash.callerEmail = actor.email;
  ctx.stash.viaIam = actor.viaIam;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.fileName = fileName.length > 0 ? fileName : null;
  ctx.stash.source = actor.viaIam && ctx.args.source === 'EMAIL' ? 'EMAIL' : 'UPLOAD';
  return {};
}

export function response(ctx: Context) {
  const upload = ctx.stash.upload as { url: string; headers: Record<string, string>; expiresAt: string };
  return {
    job: toImportJob(ctx.stash.job as ImportJobRecord),
    uploadUrl: upload.url,
    uploadHeaders: JSON.stringify(upload.headers),
    expiresAt: upload.expiresAt,
  };
}
