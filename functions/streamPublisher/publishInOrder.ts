// The stream batch, published record by record in stream order. When a record's publishing
// fails, nothing after it is tried, and Lambda retries from it (the order holds, nothing is
// skipped; messages it had already published go out again with the same messageId):
// - a record after the first is reported in `batchItemFailures`: Lambda checkpoints before
//   it, so the records before it are not published again;
// - the batch's first record fails the invocation instead: with BisectBatchOnFunctionError
//   Lambda splits the batch (which "doesn't consume the retry quota") until the failing
//   record is alone, so when retries run out only that record is described to the failure
//   queue, and the records after it are still published. (Reporting the first record would
//   be a complete failure without bisecting: the whole retried batch would be discarded.)
// A record that can never publish (MalformedInputError) is logged and skipped, so it cannot
// block the shard.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { isPermanent } from '../lib/errors';
import type { log as writeLog } from '../lib/log';
import { publicationsFor, type Publication } from './publications';
import { readStreamRecord } from './streamRecord';

export type Publish = (publication: Publication) => Promise<void>;

/** The batch's first record failed to publish: the invocation fails so that Lambda bisects. */
export class FirstRecordFailedError extends Error {
  constructor(sequenceNumber: string, options: ErrorOptions) {
    super(`Publishing stream record ${sequenceNumber}, the first of the batch, failed: the batch is split and retried.`, options);
    this.name = 'FirstRecordFailedError';
  }
}

export async function publishInOrder(records: readonly DynamoDBRecord[], publish: Publish, log: typeof writeLog): Promise<DynamoDBBatchResponse> {
  let published = 0;
  for (const [index, record] of records.entries()) {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    let publications: Publication[];
    try {
      publications = publicationsFor(readStreamRecord(record));
    } catch (error) {
      if (!isPermanent(error) || !sequenceNumber) throw error;
      log('ERROR', 'stream record skipped: it can never be published', { sequenceNumber, eventName: record.eventName, error: (error as Error).message });
      continue;
    }
    for (const publication of publications) {
      try {
        await publish(publication);
        published += 1;
      } catch (error) {
        log('WARN', 'publish failed: the batch is retried from this record', {
          sequenceNumber,
          index,
          topic: publication.topic,
          messageId: publication.message.messageId,
          error: errorText(error),
          published,
        });
        if (index === 0) throw new FirstRecordFailedError(sequenceNumber!, { cause: error });
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber! }] };
      }
    }
  }
  if (published > 0) log('INFO', 'stream batch published', { records: records.length, published });
  return { batchItemFailures: [] };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
