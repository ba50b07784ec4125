// Query.imports: getEventToRead (its organizer, an admin, or IAM for its organizer) ->
// queryImportJobs. A dashboard lists an event's imports and follows the newest.
import { util, type Context } from '@aws-appsync/utils';
import type { QueryImportsArgs } from '../../generated/graphql';
import { actorOf, isActorRefusal } from '../lib/identity';
import { toImportJob } from '../lib/imports';
import type { ImportJobRecord } from '../lib/records';

export function request(ctx: Context<QueryImportsArgs>) {
  const actor = actorOf(util.authType(), ctx.identity, ctx.args.organizerId);
  if (isActorRefusal(actor)) util.error(actor.message, actor.errorType, null, actor.errorInfo);
  ctx.stash.actor = actor;
  ctx.stash.eventId = ctx.args.eventId;
  return {};
}

export function response(ctx: Context) {
  return (ctx.prev.result as ImportJobRecord[]).map((job) => toImportJob(job));
}
