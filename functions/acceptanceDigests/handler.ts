// Digest queue -> ACCEPTANCE_DIGEST notices: each message is one window's timer
// (closeWindow.ts). A malformed message is logged and dropped; a failure a retry may fix is
// reported per record (batchItemFailures) and ends in the queue's DLQ if it lasts.
import { randomUUID } from 'node:crypto';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { requireEnv } from '../lib/env';
import { errorText, isPermanent } from '../lib/errors';
import { log } from '../lib/log';
import { awsPorts } from './awsPorts';
import { closeWindow } from './closeWindow';
import { parseDigestTimer } from './digestTimer';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const env = requireEnv(['DYNAMODB_TABLE', 'DIGEST_QUEUE_URL']);
  const ports = awsPorts(env.DYNAMODB_TABLE, env.DIGEST_QUEUE_URL);
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      const timer = parseDigestTimer(record.body);
      const closing = await closeWindow(timer, ports, { nowMs: Date.now(), newId: randomUUID });
      log(closing.outcome === 'retry' ? 'WARN' : 'INFO', `acceptance digest: ${closing.outcome}`, { sqsMessageId: record.messageId, organizerId: timer.organizerId, windowStart: timer.windowStart, ...closing });
      if (closing.outcome === 'retry') batchItemFailures.push({ itemIdentifier: record.messageId });
    } catch (error) {
      if (isPermanent(error)) {
        log('ERROR', 'acceptance digest timer dropped', { sqsMessageId: record.messageId, reason: errorText(error) });
        continue;
      }
      log('WARN', 'acceptance digest not closed: retried later', { sqsMessageId: record.messageId, reason: errorText(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
