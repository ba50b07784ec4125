// One shard consumed as a Lambda event source mapping does, stepped by hand with a
// ManualClock: batching window, order, bisect and retries blocking the shard, partial
// responses, record age, filters, end of shard.
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
import { describe, expect, it } from 'vitest';
import type { InvocationResult } from '../../../../local/lambda/lambdaFunction';
import type { LambdaStreamRecord } from '../../../../local/lambda/eventSources/dynamodbStreamsRecord';
import { ShardConsumer, type ArrivedRecord, type DiscardedBatch, type ShardConsumerOptions } from '../../../../local/lambda/eventSources/dynamodbStreamsShard';
import { ManualClock } from '../../../../local/shared/clock';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function record(seq: number, pk: string, arrivedAt: number): ArrivedRecord {
  const shaped: LambdaStreamRecord = {
    eventID: `e${seq}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: { ApproximateCreationDateTime: Math.floor(arrivedAt / 1000), Keys: { pk: { S: pk } }, SequenceNumber: String(seq).padStart(21, '0'), SizeBytes: 10, StreamViewType: 'KEYS_ONLY' },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/local',
  };
  return { record: shaped, arrivedAt };
}

type Harness = {
  consumer: ShardConsumer;
  clock: ManualClock;
  write(...pks: string[]): void;
  invoked: string[][];
  discarded: (Omit<DiscardedBatch, 'records'> & { keys: string[] })[];
  checkpoints: number[];
  close(): void;
};

/** The function fails for keys in `failing`, and reports `partial` keys as batch item failures once. */
function harness(policy: Partial<ShardConsumerOptions['policy']>, behaviour: { failing?: Set<string>; partial?: Set<string> } = {}): Harness {
  const clock = new ManualClock();
  const pending: ArrivedRecord[] = [];
  let seq = 0;
  let closed = false;
  const h: Harness = {
    clock,
    invoked: [],
    discarded: [],
    checkpoints: [],
    write: (...pks) => pks.forEach((pk) => pending.push(record(++seq, pk, clock.now()))),
    close: () => (closed = true),
    consumer: undefined as unknown as ShardConsumer,
  };
  h.consumer = new ShardConsumer({
    shardId: 'shardId-1',
    policy: {
      batchSize: 100,
      maximumBatchingWindowSeconds: 0,
      maximumRetryAttempts: -1,
      maximumRecordAgeSeconds: -1,
      bisectBatchOnFunctionError: false,
      reportBatchItemFailures: false,
      filters: [],
      ...policy,
    },
    source: { read: async (limit) => ({ records: pending.splice(0, limit), closed: closed && pending.length === 0 }) },
    invoke: async (event): Promise<InvocationResult> => {
      const keys = event.Records.map((r) => r.dynamodb.Keys.pk!.S as string);
      h.invoked.push(keys);
      if (keys.some((k) => behaviour.failing?.has(k))) return { ok: false, error: { errorType: 'Error', errorMessage: 'boom' } };
      const failures = event.Records.filter((r) => behaviour.partial?.delete(r.dynamodb.Keys.pk!.S as string)).map((r) => ({ itemIdentifier: r.dynamodb.SequenceNumber }));
      return { ok: true, result: { batchItemFailures: failures } };
    },
    discard: async ({ records, ...batch }) => void h.discarded.push({ ...batch, keys: records.map((r) => r.record.dynamodb.Keys.pk!.S as string) }),
    checkpoint: (sequenceNumber) => void h.checkpoints.push(Number(sequenceNumber)),
    clock,
    logger: silent,
  });
  return h;
}

/** Steps until the consumer would wait; returns the wait. */
async function settle(h: Harness, maxSteps = 50) {
  for (let i = 0; i < maxSteps; i += 1) {
    const result = await h.consumer.step();
    if (result.kind !== 'again') return result;
  }
  throw new Error('consumer never waited');
}

describe('ShardConsumer', () => {
  it('sends records in order, one batch at a time, up to BatchSize, and checkpoints after each batch', async () => {
    const h = harness({ batchSize: 2 });
    h.write('a', 'b', 'c');
    await settle(h);
    expect(h.invoked).toEqual([['a', 'b'], ['c']]);
    expect(h.checkpoints).toEqual([2, 3]);
  });

  it('waits for MaximumBatchingWindowInSeconds unless the batch fills first', async () => {
    const h = harness({ batchSize: 3, maximumBatchingWindowSeconds: 2 });
    h.write('a');
    expect(await settle(h)).toEqual({ kind: 'wait', ms: 250 });
    h.clock.advance(1000);
    h.write('b');
    await settle(h);
    expect(h.invoked).toEqual([]);
    h.clock.advance(1000);
    await settle(h);
    expect(h.invoked).toEqual([['a', 'b']]);

    h.write('c', 'd', 'e');
    await settle(h);
    expect(h.invoked).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('blocks the shard while a failed batch is retried, then discards it after MaximumRetryAttempts', async () => {
    const h = harness({ maximumRetryAttempts: 2 }, { failing: new Set(['bad']) });
    h.write('bad', 'next');
    expect(await settle(h)).toEqual({ kind: 'wait', ms: 500 });
    await settle(h);
    await settle(h);
    expect(h.invoked).toEqual([['bad', 'next'], ['bad', 'next'], ['bad', 'next']]);
    expect(h.discarded).toEqual([{ keys: ['bad', 'next'], condition: 'RetryAttemptsExhausted', invocations: 3, functionError: true }]);
    expect(h.checkpoints).toEqual([2]);
  });

  it('bisects on a function error, isolating the failing record; other records go through in order', async () => {
    const h = harness({ bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 }, { failing: new Set(['c']) });
    h.write('a', 'b', 'c', 'd');
    await settle(h);
    expect(h.invoked).toEqual([['a', 'b', 'c', 'd'], ['a', 'b'], ['c', 'd'], ['c'], ['d']]);
    expect(h.discarded).toEqual([{ keys: ['c'], condition: 'RetryAttemptsExhausted', invocations: 3, functionError: true }]);
    expect(h.checkpoints).toEqual([2, 3, 4]);
  });

  it('checkpoints before the lowest reported failure and retries from there', async () => {
    const h = harness({ reportBatchItemFailures: true }, { partial: new Set(['c', 'b']) });
    h.write('a', 'b', 'c', 'd');
    expect(await settle(h)).toEqual({ kind: 'wait', ms: 500 });
    expect(h.checkpoints).toEqual([1]);
    await settle(h);
    expect(h.invoked).toEqual([['a', 'b', 'c', 'd'], ['b', 'c', 'd']]);
    expect(h.checkpoints).toEqual([1, 4]);
  });

  it('discards records older than MaximumRecordAgeInSeconds before invoking, as RecordAgeExceeded', async () => {
    const h = harness({ maximumRecordAgeSeconds: 60 }, { failing: new Set(['stuck']) });
    h.write('stuck');
    await settle(h);
    h.clock.advance(30_000);
    h.write('young');
    await settle(h);
    h.clock.advance(31_000);
    await settle(h);
    // Two failed invocations, then past 60 s: discarded before a third; the shard moves on.
    expect(h.discarded).toEqual([{ keys: ['stuck'], condition: 'RecordAgeExceeded', invocations: 2, functionError: true }]);
    expect(h.invoked).toEqual([['stuck'], ['stuck'], ['young']]);
  });

  it('skips records no filter matches, checkpointing past them without an invocation', async () => {
    const h = harness({ filters: [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'keep' }] } } } }] });
    h.write('skip-1', 'skip-2');
    await settle(h);
    expect(h.invoked).toEqual([]);
    expect(h.checkpoints).toEqual([2]);
    h.write('keep-1', 'skip-3', 'keep-2');
    await settle(h);
    expect(h.invoked).toEqual([['keep-1', 'keep-2']]);
  });

  it('finishes when the shard is closed and read to its end', async () => {
    const h = harness({});
    h.write('last');
    h.close();
    expect(await settle(h)).toEqual({ kind: 'finished' });
    expect(h.invoked).toEqual([['last']]);
  });
});
