// notifications queue (EVENT_UPDATED and EVENT_CANCELLATION_REQUEST, SNS envelopes) -> one
// invite-dispatch message per attendee (stageMails.ts). A staging that runs out of time, or
// fails, is reported in batchItemFailures and resumes from its checkpoint when SQS delivers
// it again; a malformed message is logged and dropped.
import type { Context, SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { isPermanent } from '../lib/errors';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { parseNotification, type StagingRequest } from './parseNotification';
import { stageMails } from './stageMails';

export const STAGER_ENV = ['DYNAMODB_TABLE', 'SQS_URL'] as const;
/** A page is not started with less time than this left. */
export const PAGE_TIME_MS = 15_000;

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  const env = requireEnv(STAGER_ENV);
  const ports = awsPorts(env.DYNAMODB_TABLE, env.SQS_URL);
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    let request: StagingRequest | undefined;
    try {
      request = parseNotification(record.body);
      const staged = await stageMails(request, ports, () => context.getRemainingTimeInMillis() > PAGE_TIME_MS);
      const fields = { sqsMessageId: record.messageId, type: request.type, eventId: request.eventId, sequence: request.sequence, queued: staged.queued };
      if (staged.outcome === 'paused') {
        log('WARN', 'staging paused for time: resumed on the next receive', fields);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      } else {
        log('INFO', staged.outcome === 'staged' ? 'mails staged for every attendee' : 'staging already done: redelivery ignored', fields);
      }
    } catch (error) {
      const fields = { sqsMessageId: record.messageId, eventId: request?.eventId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      if (isPermanent(error)) {
        log('ERROR', 'notification dropped: it can never be staged', fields);
      } else {
        log('WARN', 'staging failed: retried later', fields);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
  }
  return { batchItemFailures };
};
