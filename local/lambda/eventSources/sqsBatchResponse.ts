// What a function's answer means for its SQS batch when the mapping lists
// ReportBatchItemFailures: `{"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}`.
// Complete success: an empty or null list, an empty or null answer. Complete failure: an answer
// that is not JSON, an empty or null itemIdentifier, an item without the itemIdentifier key, or
// an id that is not in the batch.
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting

export type BatchOutcome =
  | { kind: 'success' }
  /** Only these messages failed; the others are deleted. */
  | { kind: 'partial'; failed: Set<string> }
  /** The whole batch failed and returns after the visibility timeout. */
  | { kind: 'failure'; reason: string };

export function batchOutcome(response: unknown, messageIds: ReadonlySet<string>): BatchOutcome {
  if (response === null || response === undefined) return { kind: 'success' };
  // A string, number or list is JSON, but not the object Lambda reads the failures from.
  if (typeof response !== 'object' || Array.isArray(response)) return { kind: 'failure', reason: 'the response is not a JSON object' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  const failed = new Set<string>();
  for (const item of failures) {
    if (typeof item !== 'object' || item === null || !('itemIdentifier' in item)) {
      return { kind: 'failure', reason: 'a batchItemFailures entry has no itemIdentifier' };
    }
    const id = (item as { itemIdentifier: unknown }).itemIdentifier;
    if (id === null || id === undefined || id === '') return { kind: 'failure', reason: 'an itemIdentifier is empty or null' };
    if (typeof id !== 'string' || !messageIds.has(id)) return { kind: 'failure', reason: `itemIdentifier ${JSON.stringify(id)} is not a message of the batch` };
    failed.add(id);
  }
  return { kind: 'partial', failed };
}
