// What Lambda does with a stream batch after invoking the function with it, and with records
// too old to send. No I/O: the shard consumer (dynamodbStreamsShard.ts) applies the decision.
//
// - Success: checkpoint after the batch. With ReportBatchItemFailures, a response
//   `{ batchItemFailures: [{ itemIdentifier: <SequenceNumber> }] }` checkpoints before the
//   lowest reported sequence number and retries from there; an empty or null list, or an
//   empty or null response, is a complete success; an empty or null itemIdentifier, or an
//   entry with another key, is a complete failure.
//   https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// - Failure: the whole batch is retried, blocking the shard, until it succeeds, its records
//   pass MaximumRecordAgeInSeconds or it has been retried MaximumRetryAttempts times (-1:
//   until the records expire); then it is discarded (metadata to the OnFailure destination)
//   and the shard moves on. With BisectBatchOnFunctionError a failed invocation splits the
//   batch in two and retries each half; "Splitting batches doesn't consume the retry quota."
//   https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
//   https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html
// - With both BisectBatchOnFunctionError and ReportBatchItemFailures, a partial response
//   splits the batch at the returned sequence number and only the rest is retried.
//
// Local choices where AWS does not say: an itemIdentifier that is not in the batch is a
// complete failure (as for SQS); a partial failure counts as one retry of the records left.
import { INFINITE } from './dynamodbStreamsOptions';

export type BatchPolicy = {
  maximumRetryAttempts: number;
  maximumRecordAgeSeconds: number;
  bisectBatchOnFunctionError: boolean;
  reportBatchItemFailures: boolean;
};

export type InvocationOutcome = { ok: true; response: unknown } | { ok: false };

export type BatchDecision =
  /** Every record done: checkpoint after the last. */
  | { kind: 'done' }
  /** Records before `succeeded` are done; the rest is retried (`retries` so far) or, out of retries, discarded. */
  | { kind: 'partial'; succeeded: number; then: { kind: 'retry'; retries: number } | { kind: 'discard' } }
  /** The same records again. */
  | { kind: 'retry'; retries: number }
  /** Two halves, [0, at) first, each keeping the retries used so far. */
  | { kind: 'bisect'; at: number }
  /** Give up on the batch (OnFailure destination), checkpoint after it. */
  | { kind: 'discard' };

export type ReportedFailures = { kind: 'none' } | { kind: 'all' } | { kind: 'from'; index: number };

/** Reads a partial batch response against the batch's sequence numbers. */
export function reportedFailures(response: unknown, sequenceNumbers: readonly string[]): ReportedFailures {
  if (response === null || response === undefined || typeof response !== 'object' || Array.isArray(response)) return { kind: 'none' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return { kind: 'none' };
  if (!Array.isArray(failures)) return { kind: 'all' };
  if (failures.length === 0) return { kind: 'none' };
  let lowest: number | undefined;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') return { kind: 'all' };
    const index = sequenceNumbers.indexOf(id);
    if (index < 0) return { kind: 'all' };
    if (lowest === undefined || index < lowest) lowest = index;
  }
  return { kind: 'from', index: lowest! };
}

function retryOrDiscard(retries: number, policy: BatchPolicy): { kind: 'retry'; retries: number } | { kind: 'discard' } {
  if (policy.maximumRetryAttempts !== INFINITE && retries >= policy.maximumRetryAttempts) return { kind: 'discard' };
  return { kind: 'retry', retries: retries + 1 };
}

/**
 * @param batch the batch's sequence numbers (in order) and how many retries it has used.
 */
export function decideAfterInvocation(
  batch: { sequenceNumbers: readonly string[]; retries: number },
  outcome: InvocationOutcome,
  policy: BatchPolicy,
): BatchDecision {
  if (outcome.ok) {
    if (!policy.reportBatchItemFailures) return { kind: 'done' };
    const reported = reportedFailures(outcome.response, batch.sequenceNumbers);
    if (reported.kind === 'none') return { kind: 'done' };
    if (reported.kind === 'from' && reported.index > 0) {
      return { kind: 'partial', succeeded: reported.index, then: retryOrDiscard(batch.retries, policy) };
    }
    // Every record failed: a complete failure, but not a function error, so no bisecting.
    return retryOrDiscard(batch.retries, policy);
  }
  if (policy.bisectBatchOnFunctionError && batch.sequenceNumbers.length > 1) {
    return { kind: 'bisect', at: Math.ceil(batch.sequenceNumbers.length / 2) };
  }
  return retryOrDiscard(batch.retries, policy);
}

/** How many records at the start of a batch are older than MaximumRecordAgeInSeconds. */
export function expiredCount(arrivals: readonly number[], now: number, policy: Pick<BatchPolicy, 'maximumRecordAgeSeconds'>): number {
  if (policy.maximumRecordAgeSeconds === INFINITE) return 0;
  const limitMs = policy.maximumRecordAgeSeconds * 1000;
  let count = 0;
  while (count < arrivals.length && now - arrivals[count]! > limitMs) count += 1;
  return count;
}
