// SendMessageBatch entries for dispatch messages: ten per batch (SQS's limit), ids that say
// which message each is, so failures can be named.
import type { SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import type { DispatchMessage } from '../../../resolvers/lib/dispatch';

/** SendMessageBatch takes at most ten entries. */
export const SQS_BATCH_SIZE = 10;

export function dispatchBatches(messages: DispatchMessage[]): SendMessageBatchRequestEntry[][] {
  const batches: SendMessageBatchRequestEntry[][] = [];
  messages.forEach((message, i) => {
    if (i % SQS_BATCH_SIZE === 0) batches.push([]);
    batches[batches.length - 1].push({
      Id: String(i),
      MessageBody: JSON.stringify(message),
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: message.kind },
        eventId: { DataType: 'String', StringValue: message.eventId },
      },
    });
  });
  return batches;
}
