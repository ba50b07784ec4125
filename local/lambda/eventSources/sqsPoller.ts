// One SQS event source mapping at work, as Lambda runs it: pollers that long-poll the queue,
// gather a batch (up to BatchSize, the batching window or 6 MB), drop what the filters reject
// (deleting it), invoke the function synchronously and settle the batch:
// - success: every message is deleted;
// - error or timeout: nothing is deleted, the batch comes back after the visibility timeout and
//   the queue's redrive policy moves a message that keeps failing to its dead-letter queue;
// - with ReportBatchItemFailures: only the reported messages stay (sqsBatchResponse.ts).
// Pollers run in parallel: ScalingConfig.MaximumConcurrency of them, else the five Lambda
// starts with (it scales further on AWS; locally the count stays).
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
import type { Clock } from '../../shared/clock';
import type { FunctionTarget } from '../../shared/localServices';
import type { Logger } from '../../shared/logger';
import type { ReceivedMessage } from '../../sqs/message';
import type { Queue } from '../../sqs/queue';
import type { InvocationResult } from '../lambdaFunction';
import { batchOutcome, type BatchOutcome } from './sqsBatchResponse';
import { sqsRecordMatches } from './sqsFilter';
import type { SqsEventSourceMapping } from './sqsOptions';
import { sqsRecord, type SqsRecord } from './sqsRecord';

/** Concurrent batches Lambda starts a mapping with. */
export const DEFAULT_POLLERS = 5;
/** Lambda polls with long polling; 20 s is SQS's longest wait. */
export const LONG_POLL_MS = 20_000;
/** Messages per ReceiveMessage. */
const RECEIVE_MAX = 10;
/** A synchronous invocation's payload limit, which also ends a batch. */
export const MAX_BATCH_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Pause before looking again for a queue that does not exist (deleted at run time). */
export const MISSING_QUEUE_RETRY_MS = 5_000;

export interface QueueSource {
  queueByArn(arn: string): Queue | undefined;
}

/** What happened to one batch, for logs and tests. */
export type SqsBatchReport = {
  mapping: SqsEventSourceMapping;
  records: SqsRecord[];
  /** Messages the filters dropped (and deleted). */
  filteredOut: number;
  result: InvocationResult;
  outcome: BatchOutcome;
};

export type SqsPollerDependencies = {
  queues: QueueSource;
  functions: FunctionTarget;
  clock: Clock;
  logger: Logger;
  region: string;
  onBatch?: (report: SqsBatchReport) => void;
};

export class SqsPoller {
  private running = false;
  private readonly stopping = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private warnedMissingQueue = false;

  constructor(
    readonly mapping: SqsEventSourceMapping,
    private readonly deps: SqsPollerDependencies,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const pollers = this.mapping.maximumConcurrency ?? DEFAULT_POLLERS;
    for (let i = 0; i < pollers; i += 1) this.loops.push(this.poll());
  }

  /** Ends the pollers; a batch being processed finishes first. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    await Promise.all(this.loops);
  }

  private async poll(): Promise<void> {
    while (this.running) {
      try {
        const queue = this.deps.queues.queueByArn(this.mapping.eventSourceArn);
        if (!queue) {
          if (!this.warnedMissingQueue) this.deps.logger.warn(`${this.name}: queue ${this.mapping.eventSourceArn} does not exist; waiting for it`);
          this.warnedMissingQueue = true;
          await this.sleep(MISSING_QUEUE_RETRY_MS);
          continue;
        }
        this.warnedMissingQueue = false;
        const messages = await this.gather(queue);
        // Stopped while gathering: the messages come back after their visibility timeout.
        if (messages.length > 0 && this.running) await this.process(queue, messages);
      } catch (error) {
        this.deps.logger.error(`${this.name}: polling failed: ${(error as Error).message}`);
        await this.sleep(MISSING_QUEUE_RETRY_MS);
      }
    }
  }

  /** A batch: the first receive long-polls; with a batching window, more receives fill it until the window ends. */
  private async gather(queue: Queue): Promise<ReceivedMessage[]> {
    const { batchSize, maximumBatchingWindowSeconds } = this.mapping;
    const signal = this.stopping.signal;
    const batch = await queue.receive({ maxNumberOfMessages: Math.min(RECEIVE_MAX, batchSize), waitTimeMs: LONG_POLL_MS, signal });
    if (batch.length === 0 || maximumBatchingWindowSeconds === 0) return batch;
    let bytes = batch.reduce((sum, message) => sum + payloadBytes(message), 0);
    const deadline = this.deps.clock.now() + maximumBatchingWindowSeconds * 1000;
    while (this.running && batch.length < batchSize && bytes < MAX_BATCH_PAYLOAD_BYTES) {
      const remaining = deadline - this.deps.clock.now();
      if (remaining <= 0) break;
      const more = await queue.receive({ maxNumberOfMessages: Math.min(RECEIVE_MAX, batchSize - batch.length), waitTimeMs: remaining, signal });
      for (const message of more) {
        batch.push(message);
        bytes += payloadBytes(message);
      }
    }
    return batch;
  }

  private async process(queue: Queue, messages: ReceivedMessage[]): Promise<void> {
    const { mapping } = this;
    const records: SqsRecord[] = [];
    let filteredOut = 0;
    for (const message of messages) {
      const record = sqsRecord(message, mapping.eventSourceArn, this.deps.region);
      if (sqsRecordMatches(mapping.filters, record)) {
        records.push(record);
      } else {
        filteredOut += 1;
        this.delete(queue, record.receiptHandle);
      }
    }
    if (records.length === 0) return;
    const result = await this.deps.functions.invokeFunction(mapping.functionName, { Records: records }, 'RequestResponse');
    let outcome: BatchOutcome;
    if (!result.ok) {
      outcome = { kind: 'failure', reason: `${result.error.errorType}: ${result.error.errorMessage}` };
    } else if (mapping.reportBatchItemFailures) {
      outcome = batchOutcome(result.result, new Set(records.map((r) => r.messageId)));
    } else {
      outcome = { kind: 'success' };
    }
    if (outcome.kind === 'failure') {
      this.deps.logger.warn(`${this.name}: batch of ${records.length} failed (${outcome.reason}); it returns after the visibility timeout`);
    } else {
      const keep = outcome.kind === 'partial' ? outcome.failed : undefined;
      for (const record of records) if (!keep?.has(record.messageId)) this.delete(queue, record.receiptHandle);
      if (keep) this.deps.logger.info(`${this.name}: ${keep.size} of ${records.length} messages failed; they return after the visibility timeout`);
    }
    this.deps.onBatch?.({ mapping, records, filteredOut, result, outcome });
  }

  private delete(queue: Queue, receiptHandle: string): void {
    try {
      queue.deleteMessage(receiptHandle);
    } catch (error) {
      // A FIFO handle past its visibility timeout, or the queue went away: the message stays.
      this.deps.logger.debug(`${this.name}: could not delete a message: ${(error as Error).message}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping.signal.aborted) return resolve();
      const timer = this.deps.clock.setTimeout(done, ms);
      const signal = this.stopping.signal;
      function done() {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }
      const clock = this.deps.clock;
      function onAbort() {
        clock.clearTimeout(timer);
        resolve();
      }
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private get name(): string {
    return `SQS event source ${this.mapping.logicalId} (${this.mapping.functionName})`;
  }
}

function payloadBytes(message: ReceivedMessage): number {
  let bytes = Buffer.byteLength(message.body);
  for (const [name, value] of Object.entries(message.messageAttributes ?? {})) {
    bytes += name.length + value.DataType.length + (value.BinaryValue?.length ?? Buffer.byteLength(value.StringValue ?? ''));
  }
  return bytes;
}
