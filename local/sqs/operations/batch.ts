// The rules every SQS batch action shares: 1 to 10 entries with distinct, well-formed ids, and a
// result per entry (Successful or Failed with the error's code and fault), so that one bad entry
// does not fail the call. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
import { BatchEntryIdsNotDistinct, EmptyBatchRequest, InvalidBatchEntryId, SqsError, TooManyEntriesInBatchRequest } from '../errors';
import { entries, type Input } from './input';

/** Entries per SendMessageBatch, DeleteMessageBatch or ChangeMessageVisibilityBatch. */
export const MAX_BATCH_ENTRIES = 10;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export type BatchFailure = { Id: string; SenderFault: boolean; Code: string; Message: string };

/** The request's entries, checked as a whole. `entryShape` names them in the EmptyBatchRequest message. */
export function batchEntries(input: Input, entryShape: string): (Input & { Id: string })[] {
  const list = entries(input, 'Entries');
  if (list.length === 0) throw new EmptyBatchRequest(entryShape);
  if (list.length > MAX_BATCH_ENTRIES) throw new TooManyEntriesInBatchRequest(list.length, MAX_BATCH_ENTRIES);
  const seen = new Set<string>();
  for (const entry of list) {
    if (typeof entry.Id !== 'string' || !BATCH_ENTRY_ID.test(entry.Id)) throw new InvalidBatchEntryId();
    if (seen.has(entry.Id)) throw new BatchEntryIdsNotDistinct(entry.Id);
    seen.add(entry.Id);
  }
  return list as (Input & { Id: string })[];
}

/** Runs `run` per entry; SQS errors become Failed entries, anything else fails the call. */
export function eachEntry<T>(
  list: (Input & { Id: string })[],
  run: (entry: Input & { Id: string }) => T,
): { Successful: T[]; Failed: BatchFailure[] } {
  const Successful: T[] = [];
  const Failed: BatchFailure[] = [];
  for (const entry of list) {
    try {
      Successful.push(run(entry));
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({ Id: entry.Id, SenderFault: error.fault === 'Sender', Code: error.code, Message: error.message });
    }
  }
  return { Successful, Failed };
}
