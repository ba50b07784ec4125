// Pipeline function: the new import job, WAITING_FOR_UPLOAD, under the event's partition.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { IMPORT_JOB_TTL_SECONDS } from '../../lib/imports';
import { importJobKey, importObjectKey } from '../../lib/keys';
import type { EventRecord, ImportJobRecord } from '../../lib/records';

export function request(ctx: Context) {
  if (ctx.stash.refusal) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  const id = util.autoId();
  const now = util.time.nowISO8601();
  const job: ImportJobRecord = {
    ...importJobKey(event.id, id),
    id,
    eventId: event.id,
    organizerId: event.organizerId,
    status: 'WAITING_FOR_UPLOAD',
    source: ctx.stash.source,
    fileName: ctx.stash.fileName,
    objectKey: importObjectKey(event.id, id),
    size: null,
    summary: null,
    failureReason: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
    expiresAt: util.time.nowEpochSeconds() + IMPORT_JOB_TTL_SECONDS,
  };
  ctx.stash.job = job;
  const { pk, sk, ...item } = job;
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ pk, sk }),
    attributeValues: util.dynamodb.toMapValues(item),
    condition: { expression: 'attribute_not_exists(pk)' },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.stash.job;
}
