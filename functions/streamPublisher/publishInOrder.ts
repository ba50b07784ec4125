// The stream publisher's batch: each record's publications (publications.ts), published in
// each item's order by the shared loop (functions/lib/stream/publishInItemOrder.ts, which
// says how failures keep Lambda's checkpoint exact).
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { log as writeLog } from '../lib/log';
import { publishInItemOrder } from '../lib/stream/publishInItemOrder';
import { publicationsFor, type Publication } from './publications';
import { readStreamRecord } from '../lib/stream/streamRecord';

export type Publish = (publication: Publication) => Promise<void>;

export function publishInOrder(records: readonly DynamoDBRecord[], publish: Publish, log: typeof writeLog): Promise<DynamoDBBatchResponse> {
  return publishInItemOrder(
    records,
    {
      plan: (record) => publicationsFor(readStreamRecord(record)),
      publish,
      describe: (publication) => ({ topic: publication.topic, messageId: publication.message.messageId }),
      doneMessage: 'stream batch published',
    },
    log,
  );
}
