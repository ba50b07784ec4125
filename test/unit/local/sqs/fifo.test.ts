// FIFO basics: MessageGroupId required, order kept within a group, a group held back while one
// of its messages is in flight, deduplication within 5 minutes (explicit ids or SHA-256 of the
// body), sequence numbers.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html
import { describe, expect, it } from 'vitest';
import { MissingParameter } from '../../../../local/sqs/errors';
import { makeBroker, send } from './queueHarness';

function fifoQueue(attributes: Record<string, string> = {}) {
  const { clock, broker } = makeBroker();
  const queue = broker.createQueue('orders.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true', ...attributes });
  return { clock, broker, queue };
}

describe('FIFO queues', () => {
  it('needs a .fifo name and a MessageGroupId', () => {
    const { broker, queue } = fifoQueue();
    expect(() => broker.createQueue('orders', { FifoQueue: 'true' })).toThrow(/\.fifo/);
    expect(() => send(queue, 'x')).toThrow(MissingParameter);
    expect(() => broker.createQueue('plain', { ContentBasedDeduplication: 'true' })).toThrow(/ContentBasedDeduplication/);
  });

  it('needs a deduplication id unless content-based deduplication is on', () => {
    const { queue } = fifoQueue({ ContentBasedDeduplication: 'false' });
    expect(() => send(queue, 'x', { messageGroupId: 'g' })).toThrow(/ContentBasedDeduplication/);
    expect(send(queue, 'x', { messageGroupId: 'g', messageDeduplicationId: 'd1' }).sequenceNumber).toMatch(/^\d{20}$/);
  });

  it('accepts a duplicate within five minutes without enqueuing it, answering the first ids', () => {
    const { clock, queue } = fifoQueue();
    const first = send(queue, 'same', { messageGroupId: 'g' });
    clock.advance(299_999);
    expect(send(queue, 'same', { messageGroupId: 'g' })).toEqual(first);
    expect(queue.counts().visible).toBe(1);
    clock.advance(1);
    expect(send(queue, 'same', { messageGroupId: 'g' }).messageId).not.toBe(first.messageId);
    expect(queue.counts().visible).toBe(2);
  });

  it('delivers a group in order and holds it back while one of its messages is in flight', () => {
    const { clock, queue } = fifoQueue();
    send(queue, 'a1', { messageGroupId: 'a' });
    send(queue, 'a2', { messageGroupId: 'a' });
    send(queue, 'b1', { messageGroupId: 'b' });
    expect(queue.receiveNow(1).map((m) => m.body)).toEqual(['a1']);
    expect(queue.receiveNow(10).map((m) => m.body)).toEqual(['b1']);
    expect(queue.receiveNow(10)).toEqual([]);
    clock.advance(30_000);
    const again = queue.receiveNow(10);
    expect(again.map((m) => m.body)).toEqual(['a1', 'a2', 'b1']);
    expect(again.map((m) => m.attributes.MessageGroupId)).toEqual(['a', 'a', 'b']);
    expect(BigInt(again[1]!.attributes.SequenceNumber!) > BigInt(again[0]!.attributes.SequenceNumber!)).toBe(true);
  });

  it('refuses an expired handle on delete', () => {
    const { clock, queue } = fifoQueue();
    send(queue, 'x', { messageGroupId: 'g' });
    const [message] = queue.receiveNow(1);
    clock.advance(30_000);
    expect(() => queue.deleteMessage(message!.receiptHandle)).toThrow('The receipt handle has expired.');
  });
});
