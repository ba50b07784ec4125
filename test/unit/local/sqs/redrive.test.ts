// Dead-letter queues: a message received maxReceiveCount times without being deleted moves to
// the dead-letter queue instead of being delivered again; its id, body, attributes and receive
// count go with it, and in a standard queue its retention still counts from the original send.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html
import { describe, expect, it } from 'vitest';
import { makeBroker, send } from './queueHarness';

function withDeadLetterQueue(maxReceiveCount: number, dlqAttributes: Record<string, string> = {}) {
  const { clock, broker } = makeBroker();
  const dlq = broker.createQueue('work-dlq', dlqAttributes);
  const queue = broker.createQueue('work', {
    VisibilityTimeout: '10',
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount }),
  });
  return { clock, broker, dlq, queue };
}

describe('redrive to the dead-letter queue', () => {
  it('delivers a message maxReceiveCount times, then moves it on the next receive', () => {
    const { clock, dlq, queue } = withDeadLetterQueue(3);
    const { messageId } = send(queue, 'poison', { messageAttributes: { kind: { DataType: 'String', StringValue: 'bad' } } });
    for (let i = 1; i <= 3; i += 1) {
      const [message] = queue.receiveNow(1);
      expect(message!.attributes.ApproximateReceiveCount).toBe(String(i));
      clock.advance(10_000);
    }
    expect(queue.receiveNow(1)).toEqual([]);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const [dead] = dlq.receiveNow(1, undefined);
    expect(dead!.messageId).toBe(messageId);
    expect(dead!.body).toBe('poison');
    expect(dead!.messageAttributes).toEqual({ kind: { DataType: 'String', StringValue: 'bad' } });
    expect(dead!.attributes.ApproximateReceiveCount).toBe('4');
    expect(dead!.attributes.DeadLetterQueueSourceArn).toBe(queue.arn);
  });

  it('leaves a deleted message alone', () => {
    const { clock, dlq, queue } = withDeadLetterQueue(1);
    send(queue, 'fine');
    const [message] = queue.receiveNow(1);
    queue.deleteMessage(message!.receiptHandle);
    clock.advance(10_000);
    expect(queue.receiveNow(1)).toEqual([]);
    expect(dlq.counts().visible).toBe(0);
  });

  it('keeps the original enqueue time for retention in a standard dead-letter queue', () => {
    const { clock, dlq, queue } = withDeadLetterQueue(1, { MessageRetentionPeriod: '120' });
    send(queue, 'old');
    queue.receiveNow(1);
    clock.advance(100_000);
    expect(queue.receiveNow(1)).toEqual([]);
    expect(dlq.counts().visible).toBe(1);
    clock.advance(20_000);
    expect(dlq.counts().visible).toBe(0);
  });

  it('refuses a redrive policy whose target is missing or of the other queue type', () => {
    const { broker } = makeBroker();
    const fifo = broker.createQueue('dead.fifo', { FifoQueue: 'true' });
    expect(() =>
      broker.createQueue('a', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:nope', maxReceiveCount: 2 }) }),
    ).toThrow(/does not exist/);
    expect(() => broker.createQueue('b', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: fifo.arn, maxReceiveCount: 2 }) })).toThrow(/same type/);
    expect(() => broker.createQueue('c', { RedrivePolicy: '{"maxReceiveCount": 2' })).toThrow(/RedrivePolicy/);
  });
});
