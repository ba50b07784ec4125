// A DynamoDB stream batch, published in each item's order: the records of one item (its keys)
// go one after another, as the stream orders them, while different items go side by side
// (ITEMS_IN_FLIGHT at a time). The stream promises order per item only, and so do we: a bulk
// import's thousands of attendee inserts no longer hold back another event's update.
//
// Failures keep Lambda's checkpoint exact. When a record's publishing fails, its item stops
// there, and no record after the first failure is started. The batch then reports the
// failed record with the lowest position: every record before it was published (its own
// item got past it, or stopped later), so Lambda checkpoints before it and retries from it.
// Records after it that were published go out again on the retry, with the same message
// ids (consumers drop duplicates).
// - A failure at the batch's first record fails the invocation instead: with
//   BisectBatchOnFunctionError Lambda splits the batch (which "doesn't consume the retry
//   quota") until the failing record is alone, so when retries run out only that record is
//   described to the failure queue. (Reporting the first record would be a complete failure
//   without bisecting: the whole retried batch would be discarded.)
// - A record that can never publish (a PermanentError from `plan`) is logged and skipped, so
//   it cannot block the shard.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { errorText, isPermanent } from '../errors';
import type { log as writeLog } from '../log';

/** Items published side by side; SNS and AppSync take this many concurrent calls easily. */
export const ITEMS_IN_FLIGHT = 16;

/** What one stream reader publishes, and how: the loop's ports. */
export type StreamPublishing<P> = {
  /** What the record publishes (pure). Throws a PermanentError for a record that never can. */
  plan(record: DynamoDBRecord): P[];
  publish(publication: P): Promise<void>;
  /** Facts naming a publication in the log. */
  describe(publication: P): Record<string, unknown>;
  /** The INFO line after a batch that published something. */
  doneMessage: string;
};

/** The batch's first record failed to publish: the invocation fails so that Lambda bisects. */
export class FirstRecordFailedError extends Error {
  constructor(sequenceNumber: string, options: ErrorOptions) {
    super(`Publishing stream record ${sequenceNumber}, the first of the batch, failed: the batch is split and retried.`, options);
    this.name = 'FirstRecordFailedError';
  }
}

type Planned<P> = { index: number; sequenceNumber: string; publications: P[] };

export async function publishInItemOrder<P>(
  records: readonly DynamoDBRecord[],
  publishing: StreamPublishing<P>,
  log: typeof writeLog,
  itemsInFlight = ITEMS_IN_FLIGHT,
): Promise<DynamoDBBatchResponse> {
  const items = new Map<string, Planned<P>[]>();
  for (const [index, record] of records.entries()) {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    let publications: P[];
    try {
      publications = publishing.plan(record);
    } catch (error) {
      if (!isPermanent(error) || !sequenceNumber) throw error;
      log('ERROR', 'stream record skipped: it can never be published', { sequenceNumber, eventName: record.eventName, error: errorText(error) });
      continue;
    }
    if (publications.length === 0) continue;
    // A record without a sequence number cannot be named in a failure report: fail the batch.
    if (!sequenceNumber) throw new Error(`Stream record ${index} of the batch has no SequenceNumber.`);
    const key = itemKey(record);
    const planned = items.get(key) ?? [];
    planned.push({ index, sequenceNumber, publications });
    items.set(key, planned);
  }

  let published = 0;
  let failed: { index: number; sequenceNumber: string; error: unknown } | undefined;
  const publishItem = async (planned: Planned<P>[]) => {
    for (const record of planned) {
      if (failed && record.index > failed.index) return;
      for (const publication of record.publications) {
        try {
          await publishing.publish(publication);
          published += 1;
        } catch (error) {
          log('WARN', 'publish failed: the batch is retried from this record', {
            sequenceNumber: record.sequenceNumber,
            index: record.index,
            ...publishing.describe(publication),
            error: errorText(error),
          });
          if (!failed || record.index < failed.index) failed = { index: record.index, sequenceNumber: record.sequenceNumber, error };
          return;
        }
      }
    }
  };
  const queue = [...items.values()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await publishItem(next);
  };
  await Promise.all(Array.from({ length: Math.min(itemsInFlight, queue.length) }, worker));

  if (failed) {
    if (failed.index === 0) throw new FirstRecordFailedError(failed.sequenceNumber, { cause: failed.error });
    return { batchItemFailures: [{ itemIdentifier: failed.sequenceNumber }] };
  }
  if (published > 0) log('INFO', publishing.doneMessage, { records: records.length, published });
  return { batchItemFailures: [] };
}

/** The item a record changes: its key attributes, as the stream gives them. */
function itemKey(record: DynamoDBRecord): string {
  return JSON.stringify(record.dynamodb?.Keys ?? {});
}
