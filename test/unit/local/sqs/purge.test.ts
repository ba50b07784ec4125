// PurgeQueue deletes every message, in flight included; a second purge within 60 seconds is
// PurgeQueueInProgress. https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_PurgeQueue.html
import { describe, expect, it } from 'vitest';
import { PurgeQueueInProgress } from '../../../../local/sqs/errors';
import { makeBroker, send } from './queueHarness';

describe('purge', () => {
  it('deletes visible, in-flight and delayed messages', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    send(queue, 'b');
    send(queue, 'c', { delaySeconds: 60 });
    const [received] = queue.receiveNow(1);
    queue.purge();
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    // The handle of a purged message deletes nothing and fails nothing.
    queue.deleteMessage(received!.receiptHandle);
  });

  it('refuses a second purge within 60 seconds', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    queue.purge();
    clock.advance(59_999);
    expect(() => queue.purge()).toThrow(PurgeQueueInProgress);
    expect(() => queue.purge()).toThrow('Only one PurgeQueue operation on work is allowed every 60 seconds.');
    clock.advance(1);
    queue.purge();
  });
});
