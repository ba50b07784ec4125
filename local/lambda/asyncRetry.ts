// When Lambda tries an asynchronous event again, and when it gives up. No timers here:
// asyncInvocation.ts asks after each attempt and when a retry falls due.
//
// "If the function returns an error, by default Lambda attempts to run it two more times,
// with a one-minute wait between the first two attempts, and two minutes between the second
// and third attempts." Function errors include timeouts and runtime errors. The event is
// dropped when it has been retried MaximumRetryAttempts times (RetriesExhausted) or is older
// than MaximumEventAgeInSeconds when it would run again (EventAgeExceeded).
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
// Conditions in the invocation record: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
import type { AsyncInvokeConfig } from './eventInvokeConfig';

/** Waits before the second and the third attempt. */
export const DEFAULT_ASYNC_RETRY_DELAYS_MS: readonly number[] = [60_000, 120_000];

export type AsyncFailureCondition = 'RetriesExhausted' | 'EventAgeExceeded';

export type AfterFailure = { kind: 'retry'; delayMs: number } | { kind: 'give-up'; condition: AsyncFailureCondition };

/**
 * After a failed attempt.
 * @param attempts how many attempts have run, this one included (1 after the first).
 * @param delaysMs the wait before each retry; the last one repeats if there are more retries.
 */
export function afterFailedAttempt(attempts: number, config: AsyncInvokeConfig, delaysMs: readonly number[] = DEFAULT_ASYNC_RETRY_DELAYS_MS): AfterFailure {
  if (attempts > config.maximumRetryAttempts) return { kind: 'give-up', condition: 'RetriesExhausted' };
  const delayMs = delaysMs[Math.min(attempts - 1, delaysMs.length - 1)] ?? 0;
  return { kind: 'retry', delayMs };
}

/** Whether an event queued at `queuedAt` may still run at `now`. */
export function withinEventAge(queuedAt: number, now: number, config: AsyncInvokeConfig): boolean {
  return now - queuedAt < config.maximumEventAgeSeconds * 1000;
}
