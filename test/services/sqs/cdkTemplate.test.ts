// options.ts on real CDK output: a queue with a dead-letter queue, synthesized with aws-cdk-lib,
// served and driven over HTTP. A message that is never deleted is delivered maxReceiveCount
// times, then found in the dead-letter queue.
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_sqs.Queue.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;

beforeAll(async () => {
  // CDK's built-in template validation takes seconds and checks nothing these tests need.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'SqsTest');
  const dlq = new Queue(stack, 'InvitesDlq', { retentionPeriod: Duration.days(14) });
  new Queue(stack, 'Invites', {
    visibilityTimeout: Duration.seconds(45),
    receiveMessageWaitTime: Duration.seconds(2),
    deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
  });
  new Queue(stack, 'Ordered', { fifo: true, contentBasedDeduplication: true, queueName: 'ordered.fifo' });
  sqs = await startSqs(Template.fromStack(stack).toJSON() as CfnTemplate);
});
afterAll(() => sqs.stop());

describe('queues of a CDK-synthesized template', () => {
  it('serves each queue at its template URL, with the properties as attributes', async () => {
    const [[invitesId]] = sqs.model.ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('Invites') && !id.startsWith('InvitesDlq'));
    const [[dlqId]] = sqs.model.ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('InvitesDlq'));
    const QueueUrl = String(sqs.model.ref(invitesId!));
    expect(QueueUrl.startsWith(`${sqs.url}/000000000000/SqsTest-Invites`)).toBe(true);
    const name = QueueUrl.split('/').pop()!;
    expect((await sqs.client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl).toBe(QueueUrl);
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({ VisibilityTimeout: '45', ReceiveMessageWaitTimeSeconds: '2' });
    expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: String(sqs.model.getAtt(dlqId!, 'Arn')), maxReceiveCount: 3 });
    const fifo = await sqs.client.send(new GetQueueUrlCommand({ QueueName: 'ordered.fifo' }));
    const fifoAttributes = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl: fifo.QueueUrl, AttributeNames: ['FifoQueue', 'ContentBasedDeduplication'] }));
    expect(fifoAttributes.Attributes).toEqual({ FifoQueue: 'true', ContentBasedDeduplication: 'true' });
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue', async () => {
    const [[invitesId]] = sqs.model.ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('Invites') && !id.startsWith('InvitesDlq'));
    const [[dlqId]] = sqs.model.ofType('AWS::SQS::Queue').filter(([id]) => id.startsWith('InvitesDlq'));
    const QueueUrl = String(sqs.model.ref(invitesId!));
    const dlqUrl = String(sqs.model.ref(dlqId!));
    const { MessageId } = await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'never handled' }));
    for (let i = 1; i <= 3; i += 1) {
      // VisibilityTimeout 0: the message is visible again at once, as if its consumer gave up.
      const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0, WaitTimeSeconds: 0, AttributeNames: ['All'] }));
      expect(Messages![0]!.Attributes!.ApproximateReceiveCount).toBe(String(i));
    }
    expect((await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 0 }))).Messages).toBeUndefined();
    const { Messages } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['All'] }));
    expect(Messages!.map((m) => [m.MessageId, m.Body, m.Attributes!.DeadLetterQueueSourceArn])).toEqual([
      [MessageId, 'never handled', String(sqs.model.getAtt(invitesId!, 'Arn'))],
    ]);
  });
});
