// Retry timing: https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
// ("By default ... up to three retries with a delay between failed attempts set at 20 seconds":
// https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.retry.html), the 200-4xx rule
// (https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html), and the Delivery
// worker's retries and dead-letter move, with a manual clock instead of sleeping.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import type { QueueMessage } from '../../../../local/shared/localServices';
import { createLogger, setLogLevel } from '../../../../local/shared/logger';
import { Delivery, isDeliveredStatus } from '../../../../local/sns/delivery';
import { DEFAULT_HEALTHY_RETRY_POLICY, MANAGED_RETRY_DELAYS_MS, httpDeliveryPolicy, retryDelaysMs } from '../../../../local/sns/deliveryPolicy';

setLogLevel('silent');

describe('HTTP/S delivery policy', () => {
  it('retries three times, 20 seconds apart, by default', () => {
    expect(retryDelaysMs(DEFAULT_HEALTHY_RETRY_POLICY)).toEqual([20_000, 20_000, 20_000]);
    expect(httpDeliveryPolicy(undefined, undefined)).toEqual({ retry: DEFAULT_HEALTHY_RETRY_POLICY, headerContentType: 'text/plain; charset=UTF-8' });
  });

  it('runs the four phases: immediate, pre-backoff at the minimum, backoff, post-backoff at the maximum', () => {
    const delays = retryDelaysMs({
      minDelayTarget: 1,
      maxDelayTarget: 10,
      numRetries: 7,
      numNoDelayRetries: 2,
      numMinDelayRetries: 1,
      numMaxDelayRetries: 1,
      backoffFunction: 'linear',
    });
    expect(delays).toHaveLength(7);
    expect(delays.slice(0, 3)).toEqual([0, 0, 1_000]);
    expect(delays.at(-1)).toBe(10_000);
    expect(delays.slice(3, 6)).toEqual([...delays.slice(3, 6)].sort((a, b) => a - b));
  });

  it('takes the subscription’s policy over the topic’s unless the topic disables overrides', () => {
    const topic = JSON.stringify({ http: { defaultHealthyRetryPolicy: { numRetries: 5 }, defaultRequestPolicy: { headerContentType: 'application/json' } } });
    const sub = JSON.stringify({ healthyRetryPolicy: { numRetries: 1, minDelayTarget: 2, maxDelayTarget: 2 } });
    expect(httpDeliveryPolicy(sub, topic).retry.numRetries).toBe(1);
    expect(httpDeliveryPolicy(undefined, topic)).toMatchObject({ retry: { numRetries: 5 }, headerContentType: 'application/json' });
    const locked = JSON.stringify({ http: { defaultHealthyRetryPolicy: { numRetries: 5 }, disableSubscriptionOverrides: true } });
    expect(httpDeliveryPolicy(sub, locked).retry.numRetries).toBe(5);
  });

  it('counts any answer from 200 to 4xx as delivered', () => {
    expect([200, 204, 302, 404, 499].every(isDeliveredStatus)).toBe(true);
    expect([500, 503, 199].some(isDeliveredStatus)).toBe(false);
  });
});

describe('Delivery', () => {
  function worker(failures: number) {
    const clock = new ManualClock();
    const sent: { arn: string; message: QueueMessage; at: number }[] = [];
    let remaining = failures;
    const services = {
      async sendToQueue(arn: string, message: QueueMessage) {
        if (arn.endsWith(':target') && remaining-- > 0) throw new Error('queue unavailable');
        sent.push({ arn, message, at: clock.now() });
      },
      async invokeFunction() {
        return undefined as never;
      },
    };
    return { clock, sent, delivery: new Delivery({ clock, logger: createLogger('test'), services }) };
  }
  const job = {
    label: 'm1',
    target: { kind: 'sqs' as const, queueArn: 'arn:aws:sqs:us-east-1:000000000000:target', message: { body: 'hello' } },
    deadLetter: { queueArn: 'arn:aws:sqs:us-east-1:000000000000:dlq', message: { body: 'hello' } },
  };

  it('retries an SQS delivery (three at once, then one second apart) until it succeeds', async () => {
    const { clock, sent, delivery } = worker(4);
    const start = clock.now();
    delivery.deliver(job);
    await delivery.settled();
    expect(sent).toEqual([]);
    clock.advance(1_000);
    await delivery.settled();
    expect(sent).toEqual([{ arn: job.target.queueArn, message: { body: 'hello' }, at: start + 1_000 }]);
  });

  it('moves the message to the dead-letter queue once the retries run out', async () => {
    const { clock, sent, delivery } = worker(MANAGED_RETRY_DELAYS_MS.length + 1);
    delivery.deliver(job);
    for (let i = 0; i < 5; i += 1) {
      await delivery.settled();
      clock.advance(1_000);
    }
    await delivery.settled();
    expect(sent.map((s) => s.arn)).toEqual([job.deadLetter.queueArn]);
  });
});
