// Long polling: ReceiveMessage with WaitTimeSeconds (or the queue's ReceiveMessageWaitTimeSeconds)
// answers as soon as a message is available, else empty when the wait ends.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
import { describe, expect, it } from 'vitest';
import { InvalidParameterValue } from '../../../../local/sqs/errors';
import { makeBroker, send } from './queueHarness';

const settled = <T>(promise: Promise<T>) => {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => Object.assign(state, { done: true, value }));
  return state;
};
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('long polling', () => {
  it('answers as soon as a message arrives', async () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    const waiting = settled(queue.receive({ waitTimeSeconds: 20, maxNumberOfMessages: 10 }));
    clock.advance(5_000);
    await flush();
    expect(waiting.done).toBe(false);
    send(queue, 'hello');
    await flush();
    expect(waiting.value!.map((m) => m.body)).toEqual(['hello']);
  });

  it('answers empty when the wait ends', async () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    const waiting = settled(queue.receive({ waitTimeSeconds: 3 }));
    clock.advance(2_999);
    await flush();
    expect(waiting.done).toBe(false);
    clock.advance(1);
    await flush();
    expect(waiting.value).toEqual([]);
  });

  it("waits the queue's ReceiveMessageWaitTimeSeconds when the request says nothing", async () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work', { ReceiveMessageWaitTimeSeconds: '10' });
    const waiting = settled(queue.receive());
    clock.advance(9_000);
    await flush();
    expect(waiting.done).toBe(false);
    clock.advance(1_000);
    await flush();
    expect(waiting.value).toEqual([]);
  });

  it('wakes for a delayed message and for one whose visibility timeout ends', async () => {
    const { clock, broker } = makeBroker();
    const queue = broker.createQueue('work');
    send(queue, 'delayed', { delaySeconds: 4 });
    const first = settled(queue.receive({ waitTimeSeconds: 20, visibilityTimeout: 5 }));
    clock.advance(4_000);
    await flush();
    expect(first.value!.map((m) => m.body)).toEqual(['delayed']);
    const second = settled(queue.receive({ waitTimeSeconds: 20 }));
    clock.advance(4_999);
    await flush();
    expect(second.done).toBe(false);
    clock.advance(1);
    await flush();
    expect(second.value!.map((m) => m.attributes.ApproximateReceiveCount)).toEqual(['2']);
  });

  it('serves waiting receives in order, one message each when one arrives', async () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    const a = settled(queue.receive({ waitTimeSeconds: 20, maxNumberOfMessages: 10 }));
    const b = settled(queue.receive({ waitTimeSeconds: 20, maxNumberOfMessages: 10 }));
    send(queue, 'one');
    await flush();
    expect(a.value!.map((m) => m.body)).toEqual(['one']);
    expect(b.done).toBe(false);
    send(queue, 'two');
    await flush();
    expect(b.value!.map((m) => m.body)).toEqual(['two']);
  });

  it('ends a wait whose caller went away without taking messages', async () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    const controller = new AbortController();
    const waiting = settled(queue.receive({ waitTimeSeconds: 20, signal: controller.signal }));
    controller.abort();
    await flush();
    expect(waiting.value).toEqual([]);
    send(queue, 'kept');
    expect(queue.counts().visible).toBe(1);
  });

  it('ends waits when the queue is deleted', async () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    const waiting = settled(queue.receive({ waitTimeSeconds: 20 }));
    broker.deleteQueue(queue);
    await flush();
    expect(waiting.value).toEqual([]);
  });

  it('refuses a wait over 20 seconds', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    expect(() => queue.receive({ waitTimeSeconds: 21 })).toThrow(InvalidParameterValue);
  });
});
