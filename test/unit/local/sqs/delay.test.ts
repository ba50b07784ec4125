// Delay queues and message timers: a new message stays hidden for its DelaySeconds (0 to 900),
// the message's own or the queue's; FIFO queues take the queue's only.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-timers.html
import { describe, expect, it } from 'vitest';
import { InvalidParameterValue } from '../../../../local/sqs/errors';
import { makeBroker, send } from './queueHarness';

describe('delay', () => {
  it('hides a message for its DelaySeconds', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'later', { delaySeconds: 5 });
    send(queue, 'now');
    expect(queue.receiveNow(10).map((m) => m.body)).toEqual(['now']);
    clock.advance(4_999);
    expect(queue.receiveNow(10)).toEqual([]);
    clock.advance(1);
    expect(queue.receiveNow(10).map((m) => m.body)).toEqual(['later']);
  });

  it("applies the queue's DelaySeconds when the message has none, and the message's own over it", () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work', { DelaySeconds: '10' });
    send(queue, 'queue delay');
    send(queue, 'no delay', { delaySeconds: 0 });
    expect(queue.receiveNow(10).map((m) => m.body)).toEqual(['no delay']);
    expect(queue.counts().delayed).toBe(1);
    clock.advance(10_000);
    expect(queue.receiveNow(10).map((m) => m.body)).toEqual(['queue delay']);
  });

  it('refuses delays outside 0 to 900 seconds', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    expect(() => send(queue, 'x', { delaySeconds: 901 })).toThrow(InvalidParameterValue);
    expect(() => send(queue, 'x', { delaySeconds: -1 })).toThrow(InvalidParameterValue);
    expect(() => broker.createQueue('slow', { DelaySeconds: '901' })).toThrow(/DelaySeconds/);
  });

  it('takes no per-message delay on a FIFO queue', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    expect(() => send(queue, 'x', { delaySeconds: 1, messageGroupId: 'g' })).toThrow(/not valid for this queue type/);
  });
});
