// A stream batch, its counts changes published one by one in stream order, so that each
// event's subscribers get its counts in the order the changes happened (the mapping reads
// one batch at a time per shard, and an item's changes stay in one shard). The failure
// handling is the stream publisher's (functions/streamPublisher/publishInOrder.ts):
// - a failed publish stops the batch: a later record is reported in `batchItemFailures`,
//   so Lambda checkpoints before it and retries from it;
// - the batch's first record fails the invocation instead, so that Lambda bisects the batch
//   (reporting it would be a complete failure, and nothing would be bisected);
// - a record that can never publish (MalformedInputError) is logged and skipped.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { isPermanent } from '../lib/errors';
import type { log as writeLog } from '../lib/log';
import { FirstRecordFailedError } from '../streamPublisher/publishInOrder';
import { readStreamRecord } from '../streamPublisher/streamRecord';
import { countsChange, type RsvpCountsChange } from './countsChange';
import type { PublishCounts } from './graphqlCountsPublisher';

export async function publishCountsInOrder(
  records: readonly DynamoDBRecord[],
  publish: PublishCounts,
  log: typeof writeLog,
  now: () => string = () => new Date().toISOString(),
): Promise<DynamoDBBatchResponse> {
  let published = 0;
  for (const [index, record] of records.entries()) {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    let counts: RsvpCountsChange | null;
    try {
      counts = countsChange(readStreamRecord(record), now());
    } catch (error) {
      if (!isPermanent(error) || !sequenceNumber) throw error;
      log('ERROR', 'stream record skipped: its counts can never be published', { sequenceNumber, eventName: record.eventName, error: (error as Error).message });
      continue;
    }
    if (!counts) continue;
    try {
      await publish(counts);
      published += 1;
    } catch (error) {
      log('WARN', 'counts publish failed: the batch is retried from this record', {
        sequenceNumber,
        index,
        eventId: counts.eventId,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        published,
      });
      if (index === 0) throw new FirstRecordFailedError(sequenceNumber!, { cause: error });
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber! }] };
    }
  }
  if (published > 0) log('INFO', 'counts published', { records: records.length, published });
  return { batchItemFailures: [] };
}
