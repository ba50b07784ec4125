// The queue actions through the real SDK.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;

beforeAll(async () => {
  sqs = await startSqs();
});
afterAll(() => sqs.stop());

describe('SQS queues over HTTP with @aws-sdk/client-sqs', () => {
  it('creates a queue on the local endpoint, finds it by name and lists it', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'alpha-1', Attributes: { VisibilityTimeout: '45' }, tags: { app: 'invites' } }));
    expect(QueueUrl).toBe(`${sqs.url}/000000000000/alpha-1`);
    expect((await sqs.client.send(new GetQueueUrlCommand({ QueueName: 'alpha-1' }))).QueueUrl).toBe(QueueUrl);
    // The same name and attributes answer the same URL.
    expect((await sqs.client.send(new CreateQueueCommand({ QueueName: 'alpha-1', Attributes: { VisibilityTimeout: '45' } }))).QueueUrl).toBe(QueueUrl);
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'alpha-2' }));
    await sqs.client.send(new CreateQueueCommand({ QueueName: 'beta-1' }));
    expect((await sqs.client.send(new ListQueuesCommand({ QueueNamePrefix: 'alpha' }))).QueueUrls).toEqual([QueueUrl, `${sqs.url}/000000000000/alpha-2`]);
    const page1 = await sqs.client.send(new ListQueuesCommand({ MaxResults: 2 }));
    expect(page1.QueueUrls).toHaveLength(2);
    const page2 = await sqs.client.send(new ListQueuesCommand({ MaxResults: 2, NextToken: page1.NextToken }));
    expect([...page1.QueueUrls!, ...page2.QueueUrls!]).toContain(`${sqs.url}/000000000000/beta-1`);
    expect((await sqs.client.send(new ListQueueTagsCommand({ QueueUrl }))).Tags).toEqual({ app: 'invites' });
  });

  it('gets and sets attributes', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'attributes' }));
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:us-east-1:000000000000:attributes',
      VisibilityTimeout: '30',
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '0',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      SqsManagedSseEnabled: 'true',
    });
    expect(Number(Attributes!.CreatedTimestamp)).toBeCloseTo(Date.now() / 1000, -1);
    await sqs.client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '120', DelaySeconds: '5' } }));
    const after = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout', 'DelaySeconds'] }));
    expect(after.Attributes).toEqual({ VisibilityTimeout: '120', DelaySeconds: '5' });
  });

  it('links a dead-letter queue and lists its sources', async () => {
    const { QueueUrl: dlqUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'dead' }));
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: 4 });
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'living', Attributes: { RedrivePolicy } }));
    const redrive = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['RedrivePolicy'] }));
    expect(JSON.parse(redrive.Attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: 4 });
    expect((await sqs.client.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlqUrl }))).queueUrls).toEqual([QueueUrl]);
  });

  it('purges, then refuses a second purge within 60 seconds', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'purged' }));
    await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'gone' }));
    await sqs.client.send(new PurgeQueueCommand({ QueueUrl }));
    expect((await sqs.client.send(new ReceiveMessageCommand({ QueueUrl }))).Messages).toBeUndefined();
    await expect(sqs.client.send(new PurgeQueueCommand({ QueueUrl }))).rejects.toMatchObject({
      name: 'PurgeQueueInProgress',
      $metadata: { httpStatusCode: 403 },
      message: 'Only one PurgeQueue operation on purged is allowed every 60 seconds.',
    });
  });

  it('tags and untags', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'tagged' }));
    await sqs.client.send(new TagQueueCommand({ QueueUrl, Tags: { a: '1', b: '2' } }));
    await sqs.client.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['a'] }));
    expect((await sqs.client.send(new ListQueueTagsCommand({ QueueUrl }))).Tags).toEqual({ b: '2' });
  });

  it('deletes a queue: it is gone and its name is held for 60 seconds', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'doomed' }));
    await sqs.client.send(new DeleteQueueCommand({ QueueUrl }));
    await expect(sqs.client.send(new GetQueueUrlCommand({ QueueName: 'doomed' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    await expect(sqs.client.send(new CreateQueueCommand({ QueueName: 'doomed' }))).rejects.toMatchObject({ name: 'QueueDeletedRecently' });
  });
});
