// The message actions through the real SDK: the SDK's own MD5 checks of bodies run on every
// send and receive; attribute digests are checked here as the Java and .NET SDKs check them.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5Hex, md5OfMessageAttributes } from '../../../local/sqs/md5';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;
let counter = 0;

beforeAll(async () => {
  sqs = await startSqs();
});
afterAll(() => sqs.stop());

async function newQueue(attributes: Record<string, string> = {}) {
  counter += 1;
  const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: `messages-${counter}`, Attributes: attributes }));
  return QueueUrl!;
}

describe('SQS messages over HTTP with @aws-sdk/client-sqs', () => {
  it('sends and receives with attributes, answering the digests SDKs check', async () => {
    const QueueUrl = await newQueue();
    const MessageAttributes = {
      kind: { DataType: 'String', StringValue: 'invite' },
      count: { DataType: 'Number', StringValue: '3' },
      blob: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 3, 255) },
    };
    const body = '{"event":"ünïcödé ✓ 🎉"}\r\n';
    const sent = await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageAttributes }));
    expect(sent.MD5OfMessageBody).toBe(md5Hex(body));
    expect(sent.MD5OfMessageAttributes).toBe(md5OfMessageAttributes(MessageAttributes));

    const { Messages } = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
    );
    const [message] = Messages!;
    expect(message!.Body).toBe(body);
    expect(message!.MessageId).toBe(sent.MessageId);
    expect(message!.MessageAttributes).toEqual(MessageAttributes);
    expect(message!.MD5OfMessageAttributes).toBe(md5OfMessageAttributes(message!.MessageAttributes as never));
    expect(Object.keys(message!.Attributes!).sort()).toEqual(['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
    expect(message!.Attributes!.SenderId).toBe('AIDALOCALDEVELOPER000');
  });

  it('answers only the attributes asked for, with the digest of those', async () => {
    const QueueUrl = await newQueue();
    await sqs.client.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'b',
        MessageAttributes: { 'trace.id': { DataType: 'String', StringValue: '1' }, 'trace.span': { DataType: 'String', StringValue: '2' }, other: { DataType: 'String', StringValue: '3' } },
      }),
    );
    const { Messages } = await sqs.client.send(
      new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['trace.*'], MessageSystemAttributeNames: ['ApproximateReceiveCount'], VisibilityTimeout: 0 }),
    );
    const [message] = Messages!;
    expect(Object.keys(message!.MessageAttributes!).sort()).toEqual(['trace.id', 'trace.span']);
    expect(message!.MD5OfMessageAttributes).toBe(md5OfMessageAttributes(message!.MessageAttributes as never));
    expect(message!.Attributes).toEqual({ ApproximateReceiveCount: '1' });
    const { Messages: plain } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(plain![0]!.MessageAttributes).toBeUndefined();
    expect(plain![0]!.MD5OfMessageAttributes).toBeUndefined();
    expect(plain![0]!.Attributes).toBeUndefined();
  });

  it('sends a batch, reporting bad entries as Failed and the rest as Successful', async () => {
    const QueueUrl = await newQueue();
    const result = await sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'bad \u0000 body' },
          { Id: 'c', MessageBody: 'third', DelaySeconds: 1000 },
          { Id: 'd', MessageBody: 'fourth', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } },
        ],
      }),
    );
    expect(result.Successful!.map((e) => e.Id)).toEqual(['a', 'd']);
    expect(result.Successful![1]!.MD5OfMessageAttributes).toBe(md5OfMessageAttributes({ k: { DataType: 'String', StringValue: 'v' } }));
    expect(result.Failed!.map((e) => [e.Id, e.Code, e.SenderFault])).toEqual([
      ['b', 'InvalidMessageContents', true],
      ['c', 'InvalidParameterValue', true],
    ]);
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages!.map((m) => m.Body)).toEqual(['first', 'fourth']);
  });

  it('deletes singly and in batches, and changes visibility singly and in batches', async () => {
    const QueueUrl = await newQueue({ VisibilityTimeout: '60' });
    await sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: ['1', '2', '3', '4'].map((n) => ({ Id: `m${n}`, MessageBody: n })) }));
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(4);
    const [one, two, three, four] = Messages!;
    await sqs.client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: one!.ReceiptHandle }));
    const deleted = await sqs.client.send(
      new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'two', ReceiptHandle: two!.ReceiptHandle }, { Id: 'junk', ReceiptHandle: 'junk' }] }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'two' }]);
    expect(deleted.Failed).toEqual([{ Id: 'junk', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "junk" is not a valid receipt handle.' }]);
    await sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: three!.ReceiptHandle, VisibilityTimeout: 0 }));
    const changed = await sqs.client.send(
      new ChangeMessageVisibilityBatchCommand({ QueueUrl, Entries: [{ Id: 'four', ReceiptHandle: four!.ReceiptHandle, VisibilityTimeout: 0 }] }),
    );
    expect(changed.Successful).toEqual([{ Id: 'four' }]);
    const again = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(again.Messages!.map((m) => m.Body).sort()).toEqual(['3', '4']);
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }));
    expect(Attributes).toEqual({ ApproximateNumberOfMessagesNotVisible: '2' });
  });

  it('long-polls: a waiting receive answers as soon as a message is sent', async () => {
    const QueueUrl = await newQueue();
    const started = Date.now();
    const receiving = sqs.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake up' }));
    const { Messages } = await receiving;
    expect(Messages!.map((m) => m.Body)).toEqual(['wake up']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('long-polls: an empty receive answers no Messages after the wait', async () => {
    const QueueUrl = await newQueue();
    const started = Date.now();
    const result = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(result.Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('sends to FIFO queues with group and deduplication ids', async () => {
    const QueueUrl = await newQueue({ FifoQueue: 'true' }).catch(() => undefined);
    expect(QueueUrl).toBeUndefined();
    const { QueueUrl: fifoUrl } = await sqs.client.send(
      new CreateQueueCommand({ QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } }),
    );
    const first = await sqs.client.send(new SendMessageCommand({ QueueUrl: fifoUrl, MessageBody: 'o1', MessageGroupId: 'g' }));
    const duplicate = await sqs.client.send(new SendMessageCommand({ QueueUrl: fifoUrl, MessageBody: 'o1', MessageGroupId: 'g' }));
    expect(duplicate.MessageId).toBe(first.MessageId);
    expect(first.SequenceNumber).toMatch(/^\d{20}$/);
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: fifoUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }));
    expect(Messages!.map((m) => [m.Body, m.Attributes!.MessageGroupId])).toEqual([['o1', 'g']]);
  });
});
