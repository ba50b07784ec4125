// imports queue (S3 "object created" notifications for imports/<eventId>/<jobId>.csv) ->
// runImportJob. One notification per invocation (batch size 1): an import may take minutes.
// A run that fails for a reason a retry may fix is reported in batchItemFailures and resumes
// from its checkpoint; notifications that name no job are logged and dropped.
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { importObjects } from './importObjects';
import { runImportJob } from './runImportJob';

export const IMPORTER_ENV = ['REGION', 'DYNAMODB_TABLE', 'IMPORTS_BUCKET', 'GRAPHQL_URL'] as const;

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const env = requireEnv(IMPORTER_ENV);
  const ports = awsPorts({ table: env.DYNAMODB_TABLE, bucket: env.IMPORTS_BUCKET, graphqlUrl: env.GRAPHQL_URL, region: env.REGION });
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    const { objects, ignored } = importObjects(record.body);
    for (const reason of ignored) log('WARN', 'import notification ignored', { sqsMessageId: record.messageId, reason });
    try {
      for (const object of objects) {
        const run = await runImportJob(object, ports, log);
        const totals = run.summary?.totals;
        log(run.outcome === 'failed' ? 'ERROR' : 'INFO', `import ${run.outcome}`, { importId: object.jobId, eventId: object.eventId, reason: run.reason, totals });
      }
    } catch (error) {
      log('WARN', 'import interrupted: retried from its checkpoint', { sqsMessageId: record.messageId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
