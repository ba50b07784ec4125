// Sends what a subscription receives to its endpoint, retries failures by the delivery policy
// (deliveryPolicy.ts) with the injected clock, and when the retries run out moves the message
// to the subscription's dead-letter queue if it has a RedrivePolicy, or drops it (logged).
// "When the delivery policy is exhausted, Amazon SNS stops retrying the delivery and discards
// the message—unless a dead-letter queue is attached to the subscription."
// https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html ;
// https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html
// No HTTP server here: SQS and Lambda are reached through LocalServices, HTTP/S endpoints
// with fetch.
import type { Clock } from '../shared/clock';
import type { FunctionTarget, QueueMessage, QueueTarget } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import { HTTP_TIMEOUT_MS, MANAGED_RETRY_DELAYS_MS, retryDelaysMs, type HttpDeliveryPolicy } from './deliveryPolicy';

export type DeliveryTarget =
  | { kind: 'sqs'; queueArn: string; message: QueueMessage }
  | { kind: 'lambda'; functionArn: string; event: unknown }
  | { kind: 'http'; url: string; headers: Record<string, string>; body: string; policy: HttpDeliveryPolicy };

export type DeliveryJob = {
  /** For the log: which subscription and message. */
  label: string;
  target: DeliveryTarget;
  /** Where the message goes once retries run out (RedrivePolicy), as an SQS subscriber would receive it. */
  deadLetter?: { queueArn: string; message: QueueMessage };
};

export type DeliveryOptions = {
  clock: Clock;
  logger: Logger;
  services: QueueTarget & FunctionTarget;
  /** Multiplies the HTTP/S retry delays (1 = AWS's timing; 0.01 makes 20 s into 200 ms). */
  httpRetryDelayScale?: number;
};

/** The endpoint's answer counts as delivered for any status from 200 to 4xx (SendMessageToHttp.prepare.html). */
export function isDeliveredStatus(status: number): boolean {
  return status >= 200 && status < 500;
}

export class Delivery {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<unknown>();
  private stopped = false;

  constructor(private readonly options: DeliveryOptions) {}

  /** Starts a delivery; it runs on its own (Publish does not wait for subscribers). */
  deliver(job: DeliveryJob): void {
    this.attempt(job, 0);
  }

  /** Resolves once no attempt is running (retries waiting for the clock do not count). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Cancels waiting retries; attempts already running finish. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) this.options.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private attempt(job: DeliveryJob, attemptIndex: number): void {
    if (this.stopped) return;
    const run = this.send(job.target).then(
      () => this.options.logger.debug(`delivered ${job.label} (attempt ${attemptIndex + 1})`),
      (error: unknown) => this.failed(job, attemptIndex, error),
    );
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private failed(job: DeliveryJob, attemptIndex: number, error: unknown): void {
    const delays = this.retryDelays(job.target);
    const reason = (error as Error)?.message ?? String(error);
    if (attemptIndex < delays.length) {
      const delay = delays[attemptIndex]!;
      this.options.logger.warn(`delivery of ${job.label} failed (${reason}); retry ${attemptIndex + 1}/${delays.length} in ${delay} ms`);
      if (delay === 0) {
        // The immediate phase does not wait for the clock.
        this.attempt(job, attemptIndex + 1);
        return;
      }
      const timer = this.options.clock.setTimeout(() => {
        this.timers.delete(timer);
        this.attempt(job, attemptIndex + 1);
      }, delay);
      this.timers.add(timer);
      return;
    }
    if (job.deadLetter) {
      const { queueArn, message } = job.deadLetter;
      this.options.logger.warn(`delivery of ${job.label} failed ${attemptIndex + 1} times (${reason}); moving it to ${queueArn}`);
      const move = this.options.services.sendToQueue(queueArn, message).catch((dlqError: unknown) => {
        this.options.logger.error(`could not move ${job.label} to its dead-letter queue ${queueArn}: ${(dlqError as Error).message}`);
      });
      this.inFlight.add(move);
      void move.finally(() => this.inFlight.delete(move));
      return;
    }
    this.options.logger.warn(`delivery of ${job.label} failed ${attemptIndex + 1} times (${reason}); message discarded (no RedrivePolicy)`);
  }

  private retryDelays(target: DeliveryTarget): readonly number[] {
    if (target.kind !== 'http') return MANAGED_RETRY_DELAYS_MS;
    const scale = this.options.httpRetryDelayScale ?? 1;
    return retryDelaysMs(target.policy.retry).map((ms) => Math.round(ms * scale));
  }

  private async send(target: DeliveryTarget): Promise<void> {
    switch (target.kind) {
      case 'sqs':
        return this.options.services.sendToQueue(target.queueArn, target.message);
      case 'lambda':
        // SNS invokes Lambda asynchronously; Lambda's own retries apply after the invocation is accepted.
        await this.options.services.invokeFunction(target.functionArn, target.event, 'Event');
        return;
      case 'http':
        return this.post(target);
    }
  }

  private async post(target: Extract<DeliveryTarget, { kind: 'http' }>): Promise<void> {
    const abort = new AbortController();
    const timer = this.options.clock.setTimeout(() => abort.abort(new Error(`no answer within ${HTTP_TIMEOUT_MS} ms`)), HTTP_TIMEOUT_MS);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: target.headers,
        body: target.body,
        signal: abort.signal,
        // A redirect is an answer in the 200-4xx range, not something SNS follows.
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!isDeliveredStatus(response.status)) throw new Error(`HTTP ${response.status} from ${target.url}`);
    } finally {
      this.options.clock.clearTimeout(timer);
    }
  }
}
