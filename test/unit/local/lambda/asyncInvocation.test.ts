// Lambda's asynchronous invocation on a ManualClock: retries after one and two minutes,
// MaximumRetryAttempts, MaximumEventAgeInSeconds, destinations and the dead-letter queue.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
import { describe, expect, it } from 'vitest';
import { AsyncInvocationQueue, type AsyncOutcome } from '../../../../local/lambda/asyncInvocation';
import { afterFailedAttempt, withinEventAge } from '../../../../local/lambda/asyncRetry';
import { DEFAULT_ASYNC_INVOKE_CONFIG, type AsyncInvokeConfig } from '../../../../local/lambda/eventInvokeConfig';
import type { InvocationResult, LambdaFunction } from '../../../../local/lambda/lambdaFunction';
import { ManualClock } from '../../../../local/shared/clock';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:worker';

function setup(config: Partial<AsyncInvokeConfig>, outcomes: ('ok' | 'fail')[], deadLetterTargetArn?: string) {
  const clock = new ManualClock();
  const attempts: { at: number; requestId?: string }[] = [];
  const sent: { arn: string; body: any; attributes?: unknown }[] = [];
  const done: AsyncOutcome[] = [];
  const fn = {
    name: 'worker',
    config: { arn: ARN, deadLetterTargetArn },
    invoke: async (_event: unknown, options: { requestId?: string } = {}): Promise<InvocationResult> => {
      attempts.push({ at: clock.now(), requestId: options.requestId });
      const outcome = outcomes[attempts.length - 1] ?? 'fail';
      return outcome === 'ok' ? { ok: true, result: { done: true } } : { ok: false, error: { errorType: 'Error', errorMessage: `attempt ${attempts.length} failed` } };
    },
  } as unknown as LambdaFunction;
  const queue = new AsyncInvocationQueue({
    configFor: () => ({ ...DEFAULT_ASYNC_INVOKE_CONFIG, onSuccess: 'arn:aws:sqs:us-east-1:000000000000:ok', onFailure: 'arn:aws:sns:us-east-1:000000000000:failed', ...config }),
    destinations: {
      sendToQueue: async (arn, message) => void sent.push({ arn, body: JSON.parse(message.body), attributes: message.attributes }),
      publishToTopic: async (arn, message) => {
        sent.push({ arn, body: JSON.parse(message.message), attributes: message.attributes });
        return 'id';
      },
      invokeFunction: async () => ({ ok: true, result: null }),
    },
    clock,
    logger: silent,
    onOutcome: (outcome) => done.push(outcome),
  });
  return { clock, queue, fn, attempts, sent, done, start: clock.now() };
}

describe('asynchronous invocation', () => {
  it('retries a failing event after 1 minute, then 2 minutes, then gives up (RetriesExhausted)', async () => {
    const t = setup({}, ['fail', 'fail', 'fail']);
    const requestId = t.queue.enqueue(t.fn, { order: 1 });
    await t.queue.settled();
    t.clock.advance(59_999);
    await t.queue.settled();
    expect(t.attempts).toHaveLength(1);
    t.clock.advance(1);
    await t.queue.settled();
    t.clock.advance(120_000);
    await t.queue.settled();
    expect(t.attempts.map((a) => a.at - t.start)).toEqual([0, 60_000, 180_000]);
    expect(t.attempts.every((a) => a.requestId === requestId)).toBe(true);
    expect(t.done).toEqual([{ requestId, functionName: 'worker', condition: 'RetriesExhausted', attempts: 3 }]);
    expect(t.sent).toEqual([
      {
        arn: 'arn:aws:sns:us-east-1:000000000000:failed',
        attributes: undefined,
        body: {
          version: '1.0',
          timestamp: new Date(t.start + 180_000).toISOString(),
          requestContext: { requestId, functionArn: `${ARN}:$LATEST`, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
          requestPayload: { order: 1 },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: { errorType: 'Error', errorMessage: 'attempt 3 failed' },
        },
      },
    ]);
    expect(t.queue.pending).toBe(0);
  });

  it('sends a success record to OnSuccess', async () => {
    const t = setup({}, ['fail', 'ok']);
    t.queue.enqueue(t.fn, { order: 2 });
    await t.queue.settled();
    t.clock.advance(60_000);
    await t.queue.settled();
    expect(t.sent.map((s) => [s.arn, s.body.requestContext.condition, s.body.requestContext.approximateInvokeCount])).toEqual([
      ['arn:aws:sqs:us-east-1:000000000000:ok', 'Success', 2],
    ]);
    expect(t.sent[0]!.body.responsePayload).toEqual({ done: true });
    expect(t.sent[0]!.body.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
  });

  it('honours MaximumRetryAttempts 0 and sends the event to the dead-letter queue with its attributes', async () => {
    const t = setup({ maximumRetryAttempts: 0, onFailure: undefined }, ['fail'], 'arn:aws:sqs:us-east-1:000000000000:dlq');
    const requestId = t.queue.enqueue(t.fn, { order: 3 });
    await t.queue.settled();
    expect(t.attempts).toHaveLength(1);
    expect(t.sent).toEqual([
      {
        arn: 'arn:aws:sqs:us-east-1:000000000000:dlq',
        body: { order: 3 },
        attributes: {
          RequestID: { DataType: 'String', StringValue: requestId },
          ErrorCode: { DataType: 'Number', StringValue: '200' },
          ErrorMessage: { DataType: 'String', StringValue: 'attempt 1 failed' },
        },
      },
    ]);
  });

  it('drops an event older than MaximumEventAgeInSeconds when its retry falls due (EventAgeExceeded)', async () => {
    const t = setup({ maximumEventAgeSeconds: 60 }, ['fail', 'ok']);
    t.queue.enqueue(t.fn, { order: 4 });
    await t.queue.settled();
    t.clock.advance(60_000);
    await t.queue.settled();
    expect(t.attempts).toHaveLength(1);
    expect(t.done.map((d) => [d.condition, d.attempts])).toEqual([['EventAgeExceeded', 1]]);
    expect(t.sent[0]!.body.requestContext.condition).toBe('EventAgeExceeded');
  });

  it('cancels pending retries on stop', async () => {
    const t = setup({}, ['fail', 'ok']);
    t.queue.enqueue(t.fn, {});
    await t.queue.settled();
    t.queue.stop();
    t.clock.advance(600_000);
    await t.queue.settled();
    expect(t.attempts).toHaveLength(1);
  });
});

describe('asyncRetry', () => {
  it('waits 1 then 2 minutes by default, and the last delay repeats for shortened local delays', () => {
    expect(afterFailedAttempt(1, DEFAULT_ASYNC_INVOKE_CONFIG)).toEqual({ kind: 'retry', delayMs: 60_000 });
    expect(afterFailedAttempt(2, DEFAULT_ASYNC_INVOKE_CONFIG)).toEqual({ kind: 'retry', delayMs: 120_000 });
    expect(afterFailedAttempt(3, DEFAULT_ASYNC_INVOKE_CONFIG)).toEqual({ kind: 'give-up', condition: 'RetriesExhausted' });
    expect(afterFailedAttempt(2, DEFAULT_ASYNC_INVOKE_CONFIG, [10])).toEqual({ kind: 'retry', delayMs: 10 });
  });

  it('keeps events up to 6 hours by default', () => {
    expect(withinEventAge(0, 21_599_999, DEFAULT_ASYNC_INVOKE_CONFIG)).toBe(true);
    expect(withinEventAge(0, 21_600_000, DEFAULT_ASYNC_INVOKE_CONFIG)).toBe(false);
  });
});
