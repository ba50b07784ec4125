// Visibility timeout, receive counts and receipt handles.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html
import { describe, expect, it } from 'vitest';
import { InvalidParameterValue, MessageNotInflight, ReceiptHandleIsInvalid } from '../../../../local/sqs/errors';
import { makeBroker, send, SENDER } from './queueHarness';

describe('visibility timeout', () => {
  it('hides a received message for the queue default of 30 seconds, then delivers it again with a new handle', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'hello');
    const [first] = queue.receiveNow(1);
    expect(first!.body).toBe('hello');
    expect(queue.receiveNow(1)).toEqual([]);
    clock.advance(29_999);
    expect(queue.receiveNow(1)).toEqual([]);
    clock.advance(1);
    const [second] = queue.receiveNow(1);
    expect(second!.messageId).toBe(first!.messageId);
    expect(second!.receiptHandle).not.toBe(first!.receiptHandle);
    expect(second!.attributes.ApproximateReceiveCount).toBe('2');
  });

  it('uses the VisibilityTimeout of the receive over the queue attribute', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work', { VisibilityTimeout: '60' });
    send(queue, 'a');
    queue.receiveNow(1, 5);
    clock.advance(5_000);
    expect(queue.receiveNow(1)).toHaveLength(1);
    clock.advance(59_999);
    expect(queue.receiveNow(1)).toEqual([]);
    clock.advance(1);
    expect(queue.receiveNow(1)).toHaveLength(1);
  });

  it('answers SentTimestamp, SenderId and ApproximateFirstReceiveTimestamp of the first receive', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    const sentAt = clock.now();
    send(queue, 'a');
    clock.advance(1_000);
    queue.receiveNow(1, 0);
    clock.advance(1_000);
    const [message] = queue.receiveNow(1);
    expect(message!.attributes).toMatchObject({
      SenderId: SENDER,
      SentTimestamp: String(sentAt),
      ApproximateFirstReceiveTimestamp: String(sentAt + 1_000),
      ApproximateReceiveCount: '2',
    });
  });

  it('deletes with the latest handle only: an older handle succeeds without deleting', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    const [first] = queue.receiveNow(1);
    clock.advance(30_000);
    const [second] = queue.receiveNow(1);
    queue.deleteMessage(first!.receiptHandle);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    queue.deleteMessage(second!.receiptHandle);
    expect(queue.counts()).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    // Deleting again is accepted.
    queue.deleteMessage(second!.receiptHandle);
  });

  it('refuses a handle that is not one', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    expect(() => queue.deleteMessage('nonsense')).toThrow(ReceiptHandleIsInvalid);
    const other = broker.createQueue('other');
    send(other, 'x');
    const [message] = other.receiveNow(1);
    expect(() => queue.deleteMessage(message!.receiptHandle)).toThrow(ReceiptHandleIsInvalid);
  });

  it('changes visibility from the time of the call, and 0 makes the message visible at once', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    const [message] = queue.receiveNow(1);
    clock.advance(15_000);
    queue.changeVisibility(message!.receiptHandle, 10);
    clock.advance(9_999);
    expect(queue.receiveNow(1)).toEqual([]);
    clock.advance(1);
    const [again] = queue.receiveNow(1);
    queue.changeVisibility(again!.receiptHandle, 0);
    expect(queue.receiveNow(1)).toHaveLength(1);
  });

  it('refuses a visibility change beyond 12 hours from the receive, or for a message not in flight', () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    const [message] = queue.receiveNow(1, 60);
    expect(() => queue.changeVisibility(message!.receiptHandle, 43_201)).toThrow(InvalidParameterValue);
    clock.advance(30_000);
    expect(() => queue.changeVisibility(message!.receiptHandle, 43_200)).toThrow(/beyond the limit/);
    queue.changeVisibility(message!.receiptHandle, 43_170);
    clock.advance(43_170_000);
    expect(() => queue.changeVisibility(message!.receiptHandle, 10)).toThrow(MessageNotInflight);
  });

  it('counts visible, in-flight and delayed messages', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'a');
    send(queue, 'b');
    send(queue, 'c', { delaySeconds: 10 });
    queue.receiveNow(1);
    expect(queue.attributes()).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      ApproximateNumberOfMessagesDelayed: '1',
    });
  });

  it('receives at most 10 messages, and a visibility timeout of 0 does not deliver a message twice in one receive', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    for (let i = 0; i < 12; i += 1) send(queue, `m${i}`);
    expect(() => queue.receive({ maxNumberOfMessages: 11 })).toThrow(InvalidParameterValue);
    const batch = queue.receiveNow(10, 0);
    expect(batch.map((m) => m.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  });
});
