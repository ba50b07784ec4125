// One shard of a stream, as one event source mapping consumes it: records in order, one
// batch at a time, the shard blocked while a batch is retried. Reads go through a
// ShardSource (DynamoDB Local in dynamodbStreamsReader.ts, a list in tests); decisions come
// from dynamodbStreamsBatch.ts; time from the injected clock.
//
// Batching: a batch is sent when it holds BatchSize records, when its payload nears 6 MB, at
// once when MaximumBatchingWindowInSeconds is 0, else when the window (started by the first
// record waiting) has passed. Records the FilterCriteria do not match are skipped and
// checkpointed without an invocation. Lambda polls each shard 4 times a second.
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html#services-dynamodb-batchfailurereporting
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import type { InvocationResult } from '../lambdaFunction';
import { decideAfterInvocation, expiredCount, type BatchPolicy } from './dynamodbStreamsBatch';
import type { StreamFailureCondition } from './dynamodbStreamsFailureRecord';
import { matchesAnyFilter, type FilterPattern } from './eventFilter';
import type { LambdaStreamRecord } from './dynamodbStreamsRecord';

/** Lambda polls each shard at a base rate of 4 times a second. */
export const DEFAULT_POLL_INTERVAL_MS = 250;
/** GetRecords returns at most 1,000 records a call. */
export const GET_RECORDS_LIMIT = 1000;
/** An invocation's payload is at most 6 MB. */
export const MAX_BATCH_PAYLOAD_BYTES = 6 * 1024 * 1024;
/**
 * Wait before a failed batch is sent again. AWS does not document the interval; locally a
 * short fixed wait keeps the shard blocked without spinning.
 */
export const DEFAULT_STREAM_RETRY_DELAY_MS = 500;

export type ArrivedRecord = { record: LambdaStreamRecord; arrivedAt: number };

export interface ShardSource {
  /** Up to `limit` records after the last ones read; `closed` once the shard has ended and all were read. */
  read(limit: number): Promise<{ records: ArrivedRecord[]; closed: boolean }>;
}

type Entry = ArrivedRecord & { matched: boolean; bytes: number };

type Batch = { records: Entry[]; retries: number; invocations: number; lastFunctionError: boolean };

export type DiscardedBatch = {
  records: readonly ArrivedRecord[];
  condition: StreamFailureCondition;
  invocations: number;
  functionError: boolean;
};

export type StepResult = { kind: 'again' } | { kind: 'wait'; ms: number } | { kind: 'finished' };

export type ShardConsumerOptions = {
  shardId: string;
  policy: BatchPolicy & { batchSize: number; maximumBatchingWindowSeconds: number; filters: readonly FilterPattern[] };
  source: ShardSource;
  /** Invokes the function synchronously; a rejection means it could not be invoked (retried, not counted). */
  invoke(event: { Records: LambdaStreamRecord[] }): Promise<InvocationResult>;
  /** A batch given up on (to the OnFailure destination). */
  discard(batch: DiscardedBatch): Promise<void>;
  /** Everything up to and including this sequence number is done with. */
  checkpoint(sequenceNumber: string): void;
  clock: Clock;
  logger: Logger;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  /** Told after each invocation (tests, logs). */
  onInvoke?: (records: readonly LambdaStreamRecord[], result: InvocationResult) => void;
};

export class ShardConsumer {
  private readonly buffer: Entry[] = [];
  private readonly batches: Batch[] = [];
  private closed = false;
  private windowStart?: number;
  private stopped = false;
  private timer?: unknown;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(private readonly options: ShardConsumerOptions) {}

  get shardId(): string {
    return this.options.shardId;
  }

  /** Runs until the shard is finished or stop() is called; `onFinished` when it is done. */
  start(onFinished?: () => void): void {
    this.loop ??= this.run(onFinished);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  /** One step: read, skip, discard expired records, or invoke with the batch in hand. */
  async step(): Promise<StepResult> {
    if (this.batches.length === 0) {
      const waiting = await this.fill();
      if (waiting) return waiting;
    }
    return this.processBatch();
  }

  private async run(onFinished?: () => void): Promise<void> {
    const { logger, clock } = this.options;
    while (!this.stopped) {
      let result: StepResult;
      try {
        result = await this.step();
      } catch (error) {
        logger.warn(`shard ${this.shardId}: ${(error as Error).message}`);
        result = { kind: 'wait', ms: this.retryDelayMs };
      }
      if (this.stopped) return;
      if (result.kind === 'finished') {
        onFinished?.();
        return;
      }
      const ms = result.kind === 'wait' ? result.ms : 0;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (ms === 0) setImmediate(resolve);
        else this.timer = clock.setTimeout(resolve, ms);
      });
      this.timer = undefined;
      this.wake = undefined;
    }
  }

  private get pollIntervalMs(): number {
    return this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  }

  private get retryDelayMs(): number {
    return this.options.retryDelayMs ?? DEFAULT_STREAM_RETRY_DELAY_MS;
  }

  /** Reads and forms the next batch; returns why not to invoke yet, or undefined when a batch is ready. */
  private async fill(): Promise<StepResult | undefined> {
    const { policy, source, clock } = this.options;
    const matched = () => this.buffer.filter((e) => e.matched).length;
    if (!this.closed && matched() < policy.batchSize) {
      const { records, closed } = await source.read(Math.min(GET_RECORDS_LIMIT, policy.batchSize - matched()));
      this.closed = closed;
      for (const arrived of records) {
        if (this.buffer.length === 0) this.windowStart = clock.now();
        const bytes = Buffer.byteLength(JSON.stringify(arrived.record)) + 1;
        this.buffer.push({ ...arrived, matched: matchesAnyFilter(policy.filters, arrived.record), bytes });
      }
    }
    await this.skipUnsendable();
    if (this.buffer.length === 0) return this.closed ? { kind: 'finished' } : { kind: 'wait', ms: this.pollIntervalMs };

    const waited = clock.now() - (this.windowStart ?? clock.now());
    const windowMs = policy.maximumBatchingWindowSeconds * 1000;
    const payload = this.buffer.reduce((sum, e) => sum + (e.matched ? e.bytes : 0), 0);
    const full = matched() >= policy.batchSize || payload >= MAX_BATCH_PAYLOAD_BYTES;
    if (!full && !this.closed && windowMs > 0 && waited < windowMs) return { kind: 'wait', ms: Math.min(this.pollIntervalMs, windowMs - waited) };

    const taken: Entry[] = [];
    let count = 0;
    let bytes = 0;
    while (this.buffer.length > 0 && count < policy.batchSize) {
      const next = this.buffer[0]!;
      if (next.matched && count > 0 && bytes + next.bytes > MAX_BATCH_PAYLOAD_BYTES) break;
      this.buffer.shift();
      if (!next.matched) continue;
      taken.push(next);
      count += 1;
      bytes += next.bytes;
    }
    this.batches.push({ records: taken, retries: 0, invocations: 0, lastFunctionError: false });
    // The next window begins once this batch is done: with records already waiting, now.
    this.windowStart = this.buffer.length > 0 ? clock.now() : undefined;
    return undefined;
  }

  /** Leading records the filters drop are done with; leading records past the maximum age are discarded. */
  private async skipUnsendable(): Promise<void> {
    for (;;) {
      let skipped: Entry | undefined;
      while (this.buffer[0] && !this.buffer[0].matched) skipped = this.buffer.shift();
      if (skipped) this.options.checkpoint(skipped.record.dynamodb.SequenceNumber);
      const head = this.buffer.filter((e) => e.matched);
      const expired = expiredCount(head.map((e) => e.arrivedAt), this.options.clock.now(), this.options.policy);
      if (expired === 0) return;
      const last = head[expired - 1]!;
      const records = this.buffer.splice(0, this.buffer.indexOf(last) + 1).filter((e) => e.matched);
      await this.options.discard({ records, condition: 'RecordAgeExceeded', invocations: 0, functionError: false });
      this.options.checkpoint(last.record.dynamodb.SequenceNumber);
    }
  }

  private async processBatch(): Promise<StepResult> {
    const { policy, clock, logger } = this.options;
    const batch = this.batches[0]!;
    const expired = expiredCount(batch.records.map((e) => e.arrivedAt), clock.now(), policy);
    if (expired > 0) {
      const records = batch.records.splice(0, expired);
      await this.options.discard({ records, condition: 'RecordAgeExceeded', invocations: batch.invocations, functionError: batch.lastFunctionError });
      this.options.checkpoint(sequenceOf(records[records.length - 1]!));
      if (batch.records.length === 0) this.batches.shift();
      return { kind: 'again' };
    }

    const records = batch.records.map((e) => e.record);
    let result: InvocationResult;
    try {
      result = await this.options.invoke({ Records: records });
    } catch (error) {
      logger.warn(`shard ${this.shardId}: could not invoke the function (${(error as Error).message}); trying again`);
      return { kind: 'wait', ms: this.retryDelayMs };
    }
    batch.invocations += 1;
    batch.lastFunctionError = !result.ok;
    this.options.onInvoke?.(records, result);

    const decision = decideAfterInvocation(
      { sequenceNumbers: batch.records.map(sequenceOf), retries: batch.retries },
      result.ok ? { ok: true, response: result.result } : { ok: false },
      policy,
    );
    const last = () => sequenceOf(batch.records[batch.records.length - 1]!);
    switch (decision.kind) {
      case 'done':
        this.options.checkpoint(last());
        this.batches.shift();
        return { kind: 'again' };
      case 'retry':
        batch.retries = decision.retries;
        if (!result.ok) logger.info(`shard ${this.shardId}: batch of ${records.length} failed (${result.error.errorMessage}); retry ${decision.retries}`);
        return { kind: 'wait', ms: this.retryDelayMs };
      case 'bisect': {
        const halves = [batch.records.slice(0, decision.at), batch.records.slice(decision.at)].map((part) => ({ ...batch, records: part }));
        this.batches.splice(0, 1, ...halves);
        return { kind: 'again' };
      }
      case 'partial': {
        this.options.checkpoint(sequenceOf(batch.records[decision.succeeded - 1]!));
        batch.records = batch.records.slice(decision.succeeded);
        if (decision.then.kind === 'retry') {
          batch.retries = decision.then.retries;
          return { kind: 'wait', ms: this.retryDelayMs };
        }
        return this.discardBatch(batch);
      }
      case 'discard':
        return this.discardBatch(batch);
    }
  }

  private async discardBatch(batch: Batch): Promise<StepResult> {
    await this.options.discard({
      records: batch.records,
      condition: 'RetryAttemptsExhausted',
      invocations: batch.invocations,
      functionError: batch.lastFunctionError,
    });
    this.options.checkpoint(sequenceOf(batch.records[batch.records.length - 1]!));
    this.batches.shift();
    return { kind: 'again' };
  }
}

function sequenceOf(entry: ArrivedRecord): string {
  return entry.record.dynamodb.SequenceNumber;
}
