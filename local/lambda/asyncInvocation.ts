// Lambda's asynchronous invocation: `Event` invocations go to a queue and return at once;
// each event runs as soon as the function has a free environment, is retried after a
// function error (asyncRetry.ts decides when), and ends with an invocation record sent to
// the OnSuccess or OnFailure destination of the function's EventInvokeConfig, and the event
// itself to its dead-letter queue after the last failure. The same request id is used on
// every attempt of one event.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
//
// Time: waits go through the injected clock; `retryDelaysMs` shortens them locally (the
// default is Lambda's one and two minutes). Event age is measured on the same clock.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { asyncInvocationRecord } from './asyncInvocationRecord';
import { afterFailedAttempt, DEFAULT_ASYNC_RETRY_DELAYS_MS, withinEventAge, type AsyncFailureCondition } from './asyncRetry';
import { sendToDeadLetter, sendToDestination, type DestinationServices } from './destinations';
import { DEFAULT_ASYNC_INVOKE_CONFIG, type AsyncInvokeConfig } from './eventInvokeConfig';
import type { InvocationResult, LambdaFunction } from './lambdaFunction';

export type AsyncOutcome = {
  requestId: string;
  functionName: string;
  condition: 'Success' | AsyncFailureCondition;
  attempts: number;
};

export type AsyncInvocationOptions = {
  /** The EventInvokeConfig of a function, by name (defaults: 2 retries, 6 hours). */
  configFor?: (functionName: string) => AsyncInvokeConfig | undefined;
  /** Where invocation records and dead letters go (the LocalServices directory). */
  destinations?: DestinationServices;
  clock: Clock;
  logger: Logger;
  /** Waits before each retry (default 60 s then 120 s, as Lambda); the last repeats. */
  retryDelaysMs?: readonly number[];
  /** Told when an event is done with (tests, logs). */
  onOutcome?: (outcome: AsyncOutcome) => void;
};

type QueuedEvent = {
  requestId: string;
  fn: LambdaFunction;
  event: unknown;
  queuedAt: number;
  attempts: number;
  last?: InvocationResult;
  timer?: unknown;
};

export class AsyncInvocationQueue {
  private readonly waiting = new Set<QueuedEvent>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: AsyncInvocationOptions) {}

  /** Queues an event; resolves to its request id (what Invoke returns in x-amzn-RequestId). */
  enqueue(fn: LambdaFunction, event: unknown, requestId: string = randomUUID()): string {
    const queued: QueuedEvent = { requestId, fn, event, queuedAt: this.options.clock.now(), attempts: 0 };
    this.waiting.add(queued);
    // Not on the clock: the first attempt starts right away, after the caller has its answer.
    setImmediate(() => this.start(queued));
    return requestId;
  }

  /** Resolves when no attempt is running (retries that fall due later stay scheduled). */
  async settled(): Promise<void> {
    // Let first attempts queued with setImmediate start.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.running.size > 0) {
      await Promise.all(this.running);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** How many events wait for a retry or their first attempt. */
  get pending(): number {
    return this.waiting.size;
  }

  stop(): void {
    this.stopped = true;
    for (const queued of this.waiting) if (queued.timer !== undefined) this.options.clock.clearTimeout(queued.timer);
    this.waiting.clear();
  }

  private start(queued: QueuedEvent): void {
    if (this.stopped || !this.waiting.has(queued)) return;
    const run = this.attempt(queued).catch((error: Error) =>
      this.options.logger.error(`${queued.fn.name}: asynchronous event ${queued.requestId} failed locally: ${error.message}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async attempt(queued: QueuedEvent): Promise<void> {
    const config = this.configOf(queued.fn);
    const { clock, logger } = this.options;
    if (queued.attempts > 0 && !withinEventAge(queued.queuedAt, clock.now(), config)) {
      return this.giveUp(queued, 'EventAgeExceeded');
    }
    queued.attempts += 1;
    const result = await queued.fn.invoke(queued.event, { requestId: queued.requestId });
    queued.last = result;
    if (this.stopped) return;
    if (result.ok) return this.finish(queued, 'Success', config.onSuccess);
    const next = afterFailedAttempt(queued.attempts, config, this.options.retryDelaysMs ?? DEFAULT_ASYNC_RETRY_DELAYS_MS);
    if (next.kind === 'give-up') return this.giveUp(queued, next.condition);
    logger.info(
      `${queued.fn.name}: asynchronous event ${queued.requestId} failed (${result.error.errorType}: ${result.error.errorMessage}); attempt ${queued.attempts + 1} in ${next.delayMs} ms`,
    );
    queued.timer = clock.setTimeout(() => {
      queued.timer = undefined;
      this.start(queued);
    }, next.delayMs);
  }

  private async giveUp(queued: QueuedEvent, condition: AsyncFailureCondition): Promise<void> {
    const config = this.configOf(queued.fn);
    this.options.logger.warn(`${queued.fn.name}: asynchronous event ${queued.requestId} dropped after ${queued.attempts} attempt(s) (${condition})`);
    const deadLetter = queued.fn.config.deadLetterTargetArn;
    if (deadLetter && this.options.destinations) {
      const errorMessage = queued.last && !queued.last.ok ? queued.last.error.errorMessage : condition;
      await sendToDeadLetter(this.options.destinations, deadLetter, queued.event, { requestId: queued.requestId, errorCode: 200, errorMessage }).catch(
        (error: Error) => this.options.logger.warn(`${queued.fn.name}: could not dead-letter event ${queued.requestId} to ${deadLetter}: ${error.message}`),
      );
    }
    await this.finish(queued, condition, config.onFailure);
  }

  private async finish(queued: QueuedEvent, condition: 'Success' | AsyncFailureCondition, destination: string | undefined): Promise<void> {
    this.waiting.delete(queued);
    if (destination && this.options.destinations) {
      const record = asyncInvocationRecord({
        requestId: queued.requestId,
        functionArn: queued.fn.config.arn,
        condition,
        attempts: queued.attempts,
        event: queued.event,
        last: queued.last,
        now: this.options.clock.now(),
      });
      // Lambda reports a failed delivery as the DestinationDeliveryFailures metric; locally, a log line.
      await sendToDestination(this.options.destinations, destination, record).catch((error: Error) =>
        this.options.logger.warn(`${queued.fn.name}: could not deliver the invocation record of ${queued.requestId} to ${destination}: ${error.message}`),
      );
    }
    this.options.onOutcome?.({ requestId: queued.requestId, functionName: queued.fn.name, condition, attempts: queued.attempts });
  }

  private configOf(fn: LambdaFunction): AsyncInvokeConfig {
    return this.options.configFor?.(fn.name) ?? DEFAULT_ASYNC_INVOKE_CONFIG;
  }
}
