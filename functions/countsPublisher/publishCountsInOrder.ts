// The counts publisher's batch: each event's counts changes (countsChange.ts), pushed in the
// event's own order by the shared loop (functions/lib/stream/publishInItemOrder.ts), so that
// each event's subscribers get its counts in the order the changes happened, and the last
// message they get is the event's latest counts. Different events go side by side.
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { log as writeLog } from '../lib/log';
import { publishInItemOrder } from '../lib/stream/publishInItemOrder';
import { readStreamRecord } from '../lib/stream/streamRecord';
import { countsChange } from './countsChange';
import type { PublishCounts } from './graphqlCountsPublisher';

export function publishCountsInOrder(
  records: readonly DynamoDBRecord[],
  publish: PublishCounts,
  log: typeof writeLog,
  now: () => string = () => new Date().toISOString(),
): Promise<DynamoDBBatchResponse> {
  return publishInItemOrder(
    records,
    {
      plan: (record) => {
        const counts = countsChange(readStreamRecord(record), now());
        return counts ? [counts] : [];
      },
      publish,
      describe: (counts) => ({ eventId: counts.eventId }),
      doneMessage: 'counts published',
    },
    log,
  );
}
