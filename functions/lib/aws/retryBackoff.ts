// Retries with growing waits on an SQS event source: a record reported in batchItemFailures
// comes back after the queue's visibility timeout, the same wait every time. Setting its
// visibility to a delay that doubles with each receive (ApproximateReceiveCount) spaces the
// retries out (30 s, 60 s, 2 min, ...) until the redrive policy moves it to the DLQ.
import { ChangeMessageVisibilityBatchCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchItemFailure, SQSRecord } from 'aws-lambda';
import { sqs } from './sqs';

export const RETRY_BACKOFF = { firstSeconds: 30, maxSeconds: 15 * 60 } as const;

/** The wait before the next receive of a record received `receiveCount` times. */
export function retryDelaySeconds(receiveCount: number): number {
  const attempt = Math.max(1, Math.floor(receiveCount) || 1);
  return Math.min(RETRY_BACKOFF.maxSeconds, RETRY_BACKOFF.firstSeconds * 2 ** (attempt - 1));
}

const queueUrls = new Map<string, Promise<string>>();

/** `arn:aws:sqs:<region>:<account>:<name>` -> its URL, asked of SQS once per container. */
function queueUrlOf(arn: string): Promise<string> {
  let url = queueUrls.get(arn);
  if (!url) {
    const [, , , , account, name] = arn.split(':');
    url = sqs()
      .send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }))
      .then((out) => out.QueueUrl!);
    queueUrls.set(arn, url);
    url.catch(() => queueUrls.delete(arn));
  }
  return url;
}

/**
 * Delays the next receive of each failed record by retryDelaySeconds. Best effort: when it
 * cannot, the record still returns after the visibility timeout. Returns the failures as given.
 */
export async function delayRetries(records: Pick<SQSRecord, 'messageId' | 'receiptHandle' | 'eventSourceARN' | 'attributes'>[], failures: SQSBatchItemFailure[], log: (message: string, fields: Record<string, unknown>) => void): Promise<SQSBatchItemFailure[]> {
  const failed = new Set(failures.map((f) => f.itemIdentifier));
  const byQueue = new Map<string, typeof records>();
  for (const record of records) {
    if (!failed.has(record.messageId) || !record.eventSourceARN) continue;
    byQueue.set(record.eventSourceARN, [...(byQueue.get(record.eventSourceARN) ?? []), record]);
  }
  for (const [arn, queued] of byQueue) {
    try {
      const QueueUrl = await queueUrlOf(arn);
      for (let i = 0; i < queued.length; i += 10) {
        const out = await sqs().send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl,
            Entries: queued.slice(i, i + 10).map((r, j) => ({
              Id: String(i + j),
              ReceiptHandle: r.receiptHandle,
              VisibilityTimeout: retryDelaySeconds(Number(r.attributes?.ApproximateReceiveCount ?? 1)),
            })),
          }),
        );
        if (out.Failed?.length) log('retry delays not all set', { failed: out.Failed.length });
      }
    } catch (error) {
      log('retry delays not set', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return failures;
}
