// What Lambda does with a stream batch after an invocation.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
import { describe, expect, it } from 'vitest';
import { decideAfterInvocation, expiredCount, reportedFailures, type BatchPolicy } from '../../../../local/lambda/eventSources/dynamodbStreamsBatch';

const policy = (change: Partial<BatchPolicy> = {}): BatchPolicy => ({
  maximumRetryAttempts: -1,
  maximumRecordAgeSeconds: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
  ...change,
});
const batch = (retries = 0) => ({ sequenceNumbers: ['100', '200', '300', '400'], retries });

describe('reportedFailures', () => {
  it('treats an empty or null list, and an empty or null response, as complete success', () => {
    for (const response of [null, undefined, {}, { batchItemFailures: [] }, { batchItemFailures: null }]) {
      expect(reportedFailures(response, ['1'])).toEqual({ kind: 'none' });
    }
  });

  it('treats an empty or null itemIdentifier, or another key, as complete failure', () => {
    for (const failure of [{ itemIdentifier: '' }, { itemIdentifier: null }, { sequenceNumber: '1' }]) {
      expect(reportedFailures({ batchItemFailures: [failure] }, ['1'])).toEqual({ kind: 'all' });
    }
  });

  it('treats an identifier that is not in the batch as complete failure (local choice, as for SQS)', () => {
    expect(reportedFailures({ batchItemFailures: [{ itemIdentifier: '999' }] }, ['1', '2'])).toEqual({ kind: 'all' });
  });

  it('uses the lowest reported sequence number as the checkpoint', () => {
    const response = { batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '200' }] };
    expect(reportedFailures(response, ['100', '200', '300'])).toEqual({ kind: 'from', index: 1 });
  });
});

describe('decideAfterInvocation', () => {
  it('checkpoints after the batch when the function succeeds', () => {
    expect(decideAfterInvocation(batch(), { ok: true, response: 'anything' }, policy())).toEqual({ kind: 'done' });
  });

  it('ignores a partial batch response unless ReportBatchItemFailures is on', () => {
    const response = { batchItemFailures: [{ itemIdentifier: '200' }] };
    expect(decideAfterInvocation(batch(), { ok: true, response }, policy())).toEqual({ kind: 'done' });
    expect(decideAfterInvocation(batch(), { ok: true, response }, policy({ reportBatchItemFailures: true }))).toEqual({
      kind: 'partial',
      succeeded: 1,
      then: { kind: 'retry', retries: 1 },
    });
  });

  it('retries a failed batch until MaximumRetryAttempts, then discards it; -1 retries for ever', () => {
    const limited = policy({ maximumRetryAttempts: 2 });
    expect(decideAfterInvocation(batch(0), { ok: false }, limited)).toEqual({ kind: 'retry', retries: 1 });
    expect(decideAfterInvocation(batch(1), { ok: false }, limited)).toEqual({ kind: 'retry', retries: 2 });
    expect(decideAfterInvocation(batch(2), { ok: false }, limited)).toEqual({ kind: 'discard' });
    expect(decideAfterInvocation(batch(0), { ok: false }, policy({ maximumRetryAttempts: 0 }))).toEqual({ kind: 'discard' });
    expect(decideAfterInvocation(batch(5000), { ok: false }, policy())).toEqual({ kind: 'retry', retries: 5001 });
  });

  it('bisects a batch on a function error without using a retry, down to single records', () => {
    const bisect = policy({ bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 });
    expect(decideAfterInvocation(batch(0), { ok: false }, bisect)).toEqual({ kind: 'bisect', at: 2 });
    expect(decideAfterInvocation({ sequenceNumbers: ['1', '2', '3'], retries: 0 }, { ok: false }, bisect)).toEqual({ kind: 'bisect', at: 2 });
    expect(decideAfterInvocation({ sequenceNumbers: ['1'], retries: 0 }, { ok: false }, bisect)).toEqual({ kind: 'discard' });
  });

  it('with bisect and partial responses both on, splits at the reported record and retries only the rest', () => {
    const both = policy({ bisectBatchOnFunctionError: true, reportBatchItemFailures: true, maximumRetryAttempts: 1 });
    const response = { batchItemFailures: [{ itemIdentifier: '300' }] };
    expect(decideAfterInvocation(batch(0), { ok: true, response }, both)).toEqual({ kind: 'partial', succeeded: 2, then: { kind: 'retry', retries: 1 } });
    expect(decideAfterInvocation(batch(1), { ok: true, response }, both)).toEqual({ kind: 'partial', succeeded: 2, then: { kind: 'discard' } });
  });

  it('treats a response that fails every record as a failure, not a function error (no bisect)', () => {
    const both = policy({ bisectBatchOnFunctionError: true, reportBatchItemFailures: true });
    expect(decideAfterInvocation(batch(), { ok: true, response: { batchItemFailures: [{ itemIdentifier: '100' }] } }, both)).toEqual({ kind: 'retry', retries: 1 });
    expect(decideAfterInvocation(batch(), { ok: true, response: { batchItemFailures: [{ itemIdentifier: '' }] } }, both)).toEqual({ kind: 'retry', retries: 1 });
  });
});

describe('expiredCount', () => {
  it('counts leading records older than MaximumRecordAgeInSeconds; -1 keeps them all', () => {
    const now = 1_000_000;
    const arrivals = [now - 61_000, now - 60_500, now - 10_000, now - 70_000];
    expect(expiredCount(arrivals, now, { maximumRecordAgeSeconds: 60 })).toBe(2);
    expect(expiredCount(arrivals, now, { maximumRecordAgeSeconds: -1 })).toBe(0);
  });
});
