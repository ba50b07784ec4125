// Queues by name, URL and ARN; CreateQueue and DeleteQueue rules.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteQueue.html
import { describe, expect, it } from 'vitest';
import { InvalidAddress, QueueDeletedRecently, QueueDoesNotExist, QueueNameExists } from '../../../../local/sqs/errors';
import { ACCOUNT, makeBroker } from './queueHarness';

describe('SqsBroker', () => {
  it('answers the existing queue for the same name and attributes, QueueNameExists for different ones', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work', { VisibilityTimeout: '45' });
    expect(broker.createQueue('work', { VisibilityTimeout: '45' })).toBe(queue);
    expect(broker.createQueue('work')).toBe(queue);
    expect(() => broker.createQueue('work', { VisibilityTimeout: '46' })).toThrow(QueueNameExists);
  });

  it('keeps a deleted queue name for 60 seconds', () => {
    const { clock, broker } = makeBroker();
    broker.deleteQueue(broker.createQueue('work'));
    expect(() => broker.createQueue('work')).toThrow(QueueDeletedRecently);
    clock.advance(60_000);
    expect(broker.createQueue('work').name).toBe('work');
  });

  it('checks queue names: 1 to 80 of letters, digits, - and _', () => {
    const { broker } = makeBroker();
    expect(() => broker.createQueue('has space')).toThrow(/alphanumeric/);
    expect(() => broker.createQueue('x'.repeat(81))).toThrow(/alphanumeric/);
    expect(broker.createQueue('x'.repeat(80)).name).toHaveLength(80);
  });

  it('finds a queue by the path of its URL whatever the host, by name and by ARN', () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    expect(queue.url).toBe(`http://127.0.0.1:4566/${ACCOUNT}/work`);
    expect(queue.arn).toBe(`arn:aws:sqs:us-east-1:${ACCOUNT}:work`);
    expect(broker.queueByUrl(`http://localhost:9/${ACCOUNT}/work`)).toBe(queue);
    expect(broker.queueByArn(queue.arn)).toBe(queue);
    expect(() => broker.queueByUrl(`http://localhost:9/${ACCOUNT}/other`)).toThrow(QueueDoesNotExist);
    expect(() => broker.queueByUrl(`http://localhost:9/111111111111/work`)).toThrow(QueueDoesNotExist);
    expect(() => broker.queueByUrl('work')).toThrow(InvalidAddress);
  });

  it('delivers for other local services by ARN (QueueTarget)', async () => {
    const { broker } = makeBroker();
    const queue = broker.createQueue('work');
    await broker.sendToQueue(queue.arn, { body: '{"a":1}', attributes: { k: { DataType: 'String', StringValue: 'v' } } });
    const [message] = queue.receiveNow(1);
    expect(message!.body).toBe('{"a":1}');
    expect(message!.attributes.SenderId).toBe(ACCOUNT);
    expect(message!.messageAttributes).toEqual({ k: { DataType: 'String', StringValue: 'v' } });
    await expect(broker.sendToQueue('arn:aws:sqs:us-east-1:000000000000:nope', { body: 'x' })).rejects.toThrow(QueueDoesNotExist);
  });

  it('lists the sources of a dead-letter queue', () => {
    const { broker } = makeBroker();
    const dlq = broker.createQueue('dlq');
    broker.createQueue('a', { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }) });
    broker.createQueue('b');
    expect(broker.deadLetterSourcesOf(dlq.arn).map((q) => q.name)).toEqual(['a']);
  });
});
