// Query.importJob: getEventToRead (its organizer, an admin, or IAM for its organizer) ->
// getImportJob.
import { util, type Context } from '@aws-appsync/utils';
import type { QueryImportJobArgs } from '../../generated/graphql';
import { actorOf, isActorRefusal } from '../lib/identity';
import { toImportJob } from '../lib/imports';
import type { ImportJobRecord } from '../lib/records';

export function request(ctx: Context<QueryImportJobArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  ctx.stash.actor = actor;
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.jobId = ctx.args.id;
  return {};
}

export function response(ctx: Context) {
  return toImportJob(ctx.prev.result as ImportJobRecord);
}
