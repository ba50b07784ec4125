// Message retention: messages older than MessageRetentionPeriod (60 s to 14 days, default
// 4 days) are deleted, and a shorter period applies to messages already in the queue.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_PERIOD } from '../../../../local/sqs/queueAttributes';
import { makeBroker, send } from './queueHarness';

describe('retention', () => {
  it('drops messages after the default four days', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    clock.advance(DEFAULT_RETENTION_PERIOD * 1000 - 1);
    expect(queue.counts().visible).toBe(1);
    clock.advance(1);
    expect(queue.receiveNow(1)).toEqual([]);
    expect(queue.counts().visible).toBe(0);
  });

  it('drops in-flight and delayed messages too, and applies a shortened period to existing messages', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work', { MessageRetentionPeriod: '600' });
    send(queue, 'in flight');
    send(queue, 'delayed', { delaySeconds: 900 });
    queue.receiveNow(1, 43_200);
    clock.advance(120_000);
    queue.setAttributes({ MessageRetentionPeriod: '60' });
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('refuses a period outside 60 seconds to 14 days', () => {
    const { broker } = makeBroker();
    expect(() => broker.createQueue('a', { MessageRetentionPeriod: '59' })).toThrow(/MessageRetentionPeriod/);
    expect(() => broker.createQueue('b', { MessageRetentionPeriod: '1209601' })).toThrow(/MessageRetentionPeriod/);
  });
});
