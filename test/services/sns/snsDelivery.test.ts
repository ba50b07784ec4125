// Deliveries to SQS and Lambda from topics and subscriptions of a template, observed through
// LocalServices with recording targets: the JSON envelope and raw delivery
// (https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html,
// https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html), the
// Lambda event (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html), filter policies of
// both scopes (https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering-scope.html), the
// dead-letter queue (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html), and
// other services publishing through LocalServices' TopicTarget.
import { PublishCommand, SetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import type { CfnTemplate } from '../../../local/template/cloudAssembly';
import { startSns, type SnsHarness } from './harness';

const template: CfnTemplate = {
  Resources: {
    Requests: { Type: 'AWS::SQS::Queue', Properties: {} },
    Notifications: { Type: 'AWS::SQS::Queue', Properties: {} },
    DeadLetters: { Type: 'AWS::SQS::Queue', Properties: {} },
    Worker: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'worker' } },
    InboundMail: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'Inbound mail' } },
    EventUpdated: {
      Type: 'AWS::SNS::Topic',
      Properties: { DisplayName: 'EVENT_UPDATED', Subscription: [{ Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Worker', 'Arn'] } }] },
    },
    InboundToRequests: {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'InboundMail' }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': ['Requests', 'Arn'] }, RawMessageDelivery: true },
    },
    UpdatesToNotifications: {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'EventUpdated' },
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': ['Notifications', 'Arn'] },
        FilterPolicyScope: 'MessageBody',
        FilterPolicy: { change: { kind: ['reschedule', 'cancel'] } },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetters', 'Arn'] } },
      },
    },
  },
};

let h: SnsHarness;
let clock: ManualClock;
const arn = (id: string) => String(h.model.ref(id));
const queueArn = (id: string) => String(h.model.getAtt(id, 'Arn'));

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  h = await startSns({ template, clock });
});
afterAll(() => h.close());

describe('SQS subscriptions', () => {
  it('delivers the bare message and its attributes with RawMessageDelivery', async () => {
    await h.client.send(
      new PublishCommand({ TopicArn: arn('InboundMail'), Message: 'raw body', MessageAttributes: { size: { DataType: 'Number', StringValue: '42' } } }),
    );
    await h.sns.broker.settled();
    expect(h.queues.to(queueArn('Requests'))).toEqual([{ body: 'raw body', attributes: { size: { DataType: 'Number', StringValue: '42' } } }]);
  });

  it('filters on the JSON body (nested keys) and sends the signed JSON envelope', async () => {
    await h.client.send(new PublishCommand({ TopicArn: arn('EventUpdated'), Message: JSON.stringify({ change: { kind: 'rename' } }) }));
    await h.client.send(new PublishCommand({ TopicArn: arn('EventUpdated'), Subject: 'Moved', Message: JSON.stringify({ change: { kind: 'reschedule' } }) }));
    await h.sns.broker.settled();
    const delivered = h.queues.to(queueArn('Notifications'));
    expect(delivered).toHaveLength(1);
    const envelope = JSON.parse(delivered[0]!.body) as Record<string, string>;
    expect(Object.keys(envelope)).toEqual(['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    expect(envelope).toMatchObject({ Type: 'Notification', TopicArn: arn('EventUpdated'), Subject: 'Moved', SignatureVersion: '1' });
    expect(envelope.Timestamp).toBe(new Date(clock.now()).toISOString());
    expect(envelope.UnsubscribeURL).toMatch(new RegExp(`^${h.server.url}/\\?Action=Unsubscribe&SubscriptionArn=${arn('EventUpdated')}:`));
  });

  it('moves a message it cannot deliver to the RedrivePolicy’s dead-letter queue after the retries', async () => {
    h.queues.failing.add(queueArn('Notifications'));
    await h.client.send(new PublishCommand({ TopicArn: arn('EventUpdated'), Message: JSON.stringify({ change: { kind: 'cancel' } }) }));
    for (let i = 0; i < 3; i += 1) {
      await h.sns.broker.settled();
      clock.advance(1_000);
    }
    await h.sns.broker.settled();
    h.queues.failing.clear();
    const dead = h.queues.to(queueArn('DeadLetters'));
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0]!.body)).toMatchObject({ Type: 'Notification', Message: JSON.stringify({ change: { kind: 'cancel' } }) });
  });
});

describe('Lambda subscriptions', () => {
  it('invokes the function asynchronously with the Records event', async () => {
    h.functions.invoked.length = 0;
    const { MessageId } = await h.client.send(
      new PublishCommand({ TopicArn: arn('EventUpdated'), Message: '{"change":{"kind":"rename"}}', MessageAttributes: { v: { DataType: 'String', StringValue: '1' } } }),
    );
    await h.sns.broker.settled();
    expect(h.functions.invoked).toHaveLength(1);
    const { arn: functionArn, event, invocationType } = h.functions.invoked[0]!;
    expect(functionArn).toBe(String(h.model.getAtt('Worker', 'Arn')));
    expect(invocationType).toBe('Event');
    const record = (event as { Records: Record<string, unknown>[] }).Records[0]!;
    expect(record).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0' });
    expect(String(record.EventSubscriptionArn)).toMatch(new RegExp(`^${arn('EventUpdated')}:`));
    expect(record.Sns).toMatchObject({
      Type: 'Notification',
      MessageId,
      Subject: null,
      Message: '{"change":{"kind":"rename"}}',
      MessageAttributes: { v: { Type: 'String', Value: '1' } },
    });
    expect(Object.keys(record.Sns as object)).toEqual(expect.arrayContaining(['SigningCertUrl', 'UnsubscribeUrl']));
  });
});

describe('other services publishing through LocalServices', () => {
  it('reach the topic’s subscribers and get the message id back', async () => {
    const before = h.queues.to(queueArn('Requests')).length;
    const messageId = await h.services.publishToTopic(arn('InboundMail'), {
      message: '{"notificationType":"Received"}',
      subject: 'Amazon SES Email Receipt Notification',
      attributes: { kind: { DataType: 'String', StringValue: 'mail' } },
    });
    expect(messageId).toMatch(/^[0-9a-f-]{36}$/);
    await h.sns.broker.settled();
    expect(h.queues.to(queueArn('Requests')).slice(before)).toEqual([
      { body: '{"notificationType":"Received"}', attributes: { kind: { DataType: 'String', StringValue: 'mail' } } },
    ]);
  });

  it('see attribute-scope filter changes at once', async () => {
    const sub = h.sns.broker.listSubscriptionsByTopic(arn('InboundMail')).subscriptions[0]!;
    await h.client.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: sub.subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"kind":[{"anything-but":"mail"}]}' }));
    const before = h.queues.to(queueArn('Requests')).length;
    await h.services.publishToTopic(arn('InboundMail'), { message: 'skipped', attributes: { kind: { DataType: 'String', StringValue: 'mail' } } });
    await h.services.publishToTopic(arn('InboundMail'), { message: 'kept', attributes: { kind: { DataType: 'String', StringValue: 'other' } } });
    await h.sns.broker.settled();
    expect(h.queues.to(queueArn('Requests')).slice(before).map((m) => m.body)).toEqual(['kept']);
  });
});
