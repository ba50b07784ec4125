// The broker's semantics without HTTP: topics and subscriptions from a template, fan-out with
// filter policies, raw delivery, MessageStructure, FIFO deduplication, the confirmation flow,
// and SNS's errors. References per behaviour in the test names' comments:
// https://docs.aws.amazon.com/sns/latest/api/API_Publish.html ;
// https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html ;
// https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html ;
// https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html
import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import type { QueueMessage } from '../../../../local/shared/localServices';
import { createLogger, setLogLevel } from '../../../../local/shared/logger';
import { SnsBroker } from '../../../../local/sns/broker';
import { snsResourcesFromTemplate } from '../../../../local/sns/options';
import { MessageSigner } from '../../../../local/sns/signing';
import type { CfnTemplate } from '../../../../local/template/cloudAssembly';
import { StackModel } from '../../../../local/template/stackModel';

setLogLevel('silent');

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:inbox';
const FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:handler';
const signer = MessageSigner.create(new Date('2030-01-01T00:00:00Z'));

const template: CfnTemplate = {
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
    Events: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'events', Subscription: [{ Protocol: 'lambda', Endpoint: FUNCTION }] } },
    Filtered: {
      Type: 'AWS::SNS::Subscription',
      Properties: {
        TopicArn: { Ref: 'Events' },
        Protocol: 'sqs',
        Endpoint: { 'Fn::GetAtt': ['Queue', 'Arn'] },
        RawMessageDelivery: true,
        FilterPolicy: { kind: ['invite'] },
      },
    },
  },
};

function setup() {
  const model = new StackModel(template, { region: 'us-east-1', accountId: '000000000000', stackName: 'Demo', runtimeAttributes: new Map() });
  const clock = new ManualClock();
  const queued: { arn: string; message: QueueMessage }[] = [];
  const invoked: { arn: string; event: unknown; type: string }[] = [];
  const services = {
    async sendToQueue(arn: string, message: QueueMessage) {
      queued.push({ arn, message });
    },
    async invokeFunction(arn: string, event: unknown, type: 'RequestResponse' | 'Event') {
      invoked.push({ arn, event, type });
      return undefined as never;
    },
  };
  const broker = new SnsBroker(
    {
      region: 'us-east-1',
      accountId: '000000000000',
      clock,
      logger: createLogger('test'),
      services,
      signer,
      publicUrl: 'http://127.0.0.1:9',
      principalArn: 'arn:aws:iam::000000000000:user/local-developer',
    },
    snsResourcesFromTemplate(model),
  );
  return { model, clock, queued, invoked, broker, topicArn: String(model.ref('Events')), queueArn: String(model.getAtt('Queue', 'Arn')) };
}

let t: ReturnType<typeof setup>;
beforeEach(() => {
  t = setup();
});

describe('topics and subscriptions from the template', () => {
  it('creates the topic with its inline and separate subscriptions, confirmed', () => {
    expect(t.broker.listTopics().topicArns).toEqual([t.topicArn]);
    expect(t.broker.getTopicAttributes(t.topicArn)).toMatchObject({ DisplayName: 'events', SubscriptionsConfirmed: '2', SubscriptionsPending: '0' });
    const subs = t.broker.listSubscriptionsByTopic(t.topicArn).subscriptions;
    expect(subs.map((s) => s.protocol).sort()).toEqual(['lambda', 'sqs']);
    const filtered = subs.find((s) => s.protocol === 'sqs')!;
    expect(t.broker.getSubscriptionAttributes(filtered.subscriptionArn)).toMatchObject({
      RawMessageDelivery: 'true',
      FilterPolicy: '{"kind":["invite"]}',
      FilterPolicyScope: 'MessageAttributes',
      Endpoint: t.queueArn,
    });
  });
});

describe('publishing', () => {
  it('invokes Lambda asynchronously with the Records event and filters the SQS subscription', async () => {
    t.broker.publish({ topicArn: t.topicArn, message: 'skipped by the filter', messageAttributes: { kind: { DataType: 'String', StringValue: 'other' } } });
    t.broker.publish({ topicArn: t.topicArn, message: 'hello', subject: 'Hi', messageAttributes: { kind: { DataType: 'String', StringValue: 'invite' } } });
    await t.broker.settled();
    expect(t.invoked).toHaveLength(2);
    expect(t.invoked.every((i) => i.type === 'Event' && i.arn === FUNCTION)).toBe(true);
    // Raw delivery: the bare message, SNS attributes as SQS attributes.
    expect(t.queued).toEqual([{ arn: t.queueArn, message: { body: 'hello', attributes: { kind: { DataType: 'String', StringValue: 'invite' } } } }]);
  });

  it('sends each protocol its own text with MessageStructure json', async () => {
    t.broker.publish({
      topicArn: t.topicArn,
      messageStructure: 'json',
      message: JSON.stringify({ default: 'for everyone', lambda: 'for lambda', sqs: 'for sqs' }),
      messageAttributes: { kind: { DataType: 'String', StringValue: 'invite' } },
    });
    await t.broker.settled();
    const event = t.invoked[0]!.event as { Records: { Sns: { Message: string } }[] };
    expect(event.Records[0]!.Sns.Message).toBe('for lambda');
    expect(t.queued[0]!.message.body).toBe('for sqs');
  });

  it('wraps the message in the signed JSON envelope when raw delivery is off', async () => {
    const sub = t.broker.listSubscriptionsByTopic(t.topicArn).subscriptions.find((s) => s.protocol === 'sqs')!;
    t.broker.setSubscriptionAttributes(sub.subscriptionArn, 'RawMessageDelivery', 'false');
    t.broker.publish({ topicArn: t.topicArn, message: 'hello', messageAttributes: { kind: { DataType: 'String', StringValue: 'invite' } } });
    await t.broker.settled();
    const body = JSON.parse(t.queued[0]!.message.body) as Record<string, unknown>;
    expect(body).toMatchObject({ Type: 'Notification', Message: 'hello', TopicArn: t.topicArn, SignatureVersion: '1' });
    expect(body.SigningCertURL).toBe(`http://127.0.0.1:9/${signer.certificateFileName}`);
    expect(t.queued[0]!.message.attributes).toBeUndefined();
  });

  it('refuses what SNS refuses, with its texts', () => {
    expect(() => t.broker.publish({ topicArn: `${t.topicArn}-missing`, message: 'x' })).toThrow('Topic does not exist');
    expect(() => t.broker.publish({ topicArn: 'foo', message: 'x' })).toThrow('Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1');
    expect(() => t.broker.publish({ topicArn: t.topicArn, message: '' })).toThrow('Invalid parameter: Empty message');
    expect(() => t.broker.publish({ topicArn: t.topicArn, message: 'x', subject: '' })).toThrow('Invalid parameter: Subject');
    expect(() => t.broker.publish({ topicArn: t.topicArn, message: 'x'.repeat(262_145) })).toThrow('Invalid parameter: Message too long');
    expect(() => t.broker.publish({ topicArn: t.topicArn, message: '{"lambda":"x"}', messageStructure: 'json' })).toThrow(
      'Invalid parameter: Message Structure - No default entry in JSON message body',
    );
    expect(() => t.broker.publish({ topicArn: t.topicArn, message: 'not json', messageStructure: 'json' })).toThrow(
      'Invalid parameter: Message Structure - JSON message body failed to parse',
    );
    expect(() => t.broker.publish({ targetArn: 'arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/1', message: 'x' })).toThrow(
      'Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified',
    );
  });

  it('checks batches: count, distinct and well-formed ids', () => {
    const entries = (ids: string[]) => ids.map((id) => ({ id, message: 'x' }));
    expect(() => t.broker.publishBatch({ topicArn: t.topicArn, entries: [] })).toThrow("The batch request doesn't contain any entries.");
    expect(() => t.broker.publishBatch({ topicArn: t.topicArn, entries: entries(Array.from({ length: 11 }, (_, i) => `e${i}`)) })).toThrow(
      'The batch request contains more entries than permissible.',
    );
    expect(() => t.broker.publishBatch({ topicArn: t.topicArn, entries: entries(['a', 'a']) })).toThrow('Two or more batch entries in the request have the same Id.');
    expect(() => t.broker.publishBatch({ topicArn: t.topicArn, entries: entries(['a b']) })).toThrow(/Id of a batch entry/);
    const result = t.broker.publishBatch({ topicArn: t.topicArn, entries: entries(['a', 'b']) });
    expect(result.successful.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('FIFO topics', () => {
  it('need a group id and deduplicate within five minutes', () => {
    const arn = t.broker.createTopic({ name: 'orders.fifo', attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } });
    expect(() => t.broker.publish({ topicArn: arn, message: 'x' })).toThrow('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
    const first = t.broker.publish({ topicArn: arn, message: 'x', messageGroupId: 'g' });
    expect(first.sequenceNumber).toMatch(/^\d{20}$/);
    expect(t.broker.publish({ topicArn: arn, message: 'x', messageGroupId: 'g' })).toEqual(first);
    t.clock.advance(5 * 60 * 1000);
    expect(t.broker.publish({ topicArn: arn, message: 'x', messageGroupId: 'g' }).messageId).not.toBe(first.messageId);
  });
});

describe('subscriptions', () => {
  it('leaves HTTP subscriptions pending until the token confirms them, then counts them', () => {
    const result = t.broker.subscribe({ topicArn: t.topicArn, protocol: 'https', endpoint: 'https://hooks.example.com/sns' });
    expect(result).toBe('pending confirmation');
    expect(t.broker.getTopicAttributes(t.topicArn)).toMatchObject({ SubscriptionsPending: '1' });
    const pending = t.broker.listSubscriptionsByTopic(t.topicArn).subscriptions.find((s) => s.protocol === 'https')!;
    expect(pending.subscriptionArn).toBe('PendingConfirmation');
    expect(() => t.broker.confirmSubscription({ topicArn: t.topicArn, token: 'not-a-token!' }, true)).toThrow('Invalid token');
    expect(() => t.broker.confirmSubscription({ topicArn: t.topicArn, token: 'abcdef' }, true)).toThrow('Invalid parameter: Token');
  });

  it('returns the same ARN for the same subscription, and refuses changed attributes', () => {
    const first = t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE });
    expect(t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE })).toBe(first);
    expect(() => t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE, attributes: { RawMessageDelivery: 'true' } })).toThrow(
      /Subscription already exists with different attributes/,
    );
  });

  it('refuses what SNS refuses, with its texts', () => {
    expect(() => t.broker.subscribe({ topicArn: t.topicArn, protocol: 'test-protocol', endpoint: 'x' })).toThrow(
      'Invalid parameter: Amazon SNS does not support this protocol string: test-protocol',
    );
    expect(() => t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: 'https://sqs.us-east-1.amazonaws.com/000000000000/q' })).toThrow(
      'Invalid parameter: SQS endpoint ARN',
    );
    expect(() => t.broker.subscribe({ topicArn: t.topicArn, protocol: 'lambda', endpoint: FUNCTION, attributes: { RawMessageDelivery: 'true' } })).toThrow(
      'Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.',
    );
    expect(() => t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE, attributes: { RawMessageDelivery: 'wrongvalue' } })).toThrow(
      'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.',
    );
    const arn = t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE });
    expect(() => t.broker.setSubscriptionAttributes(arn, 'Fake', 'x')).toThrow('Invalid parameter: AttributeName');
    expect(() => t.broker.setSubscriptionAttributes(arn, 'RedrivePolicy', '{"deadLetterTargetArn":"nope"}')).toThrow(
      'Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn',
    );
    expect(() => t.broker.setSubscriptionAttributes(arn, 'FilterPolicyScope', 'RandomValue')).toThrow(
      'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes',
    );
    expect(() => t.broker.getSubscriptionAttributes(`${t.topicArn}:missing`)).toThrow('Subscription does not exist');
  });

  it('removes a filter policy set to the empty string, and shows the scope only with a policy', () => {
    const arn = t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE, attributes: { FilterPolicy: '{"a":["b"]}' } });
    t.broker.setSubscriptionAttributes(arn, 'FilterPolicy', '');
    expect(t.broker.getSubscriptionAttributes(arn)).not.toHaveProperty('FilterPolicy');
    expect(t.broker.getSubscriptionAttributes(arn)).not.toHaveProperty('FilterPolicyScope');
  });

  it('unsubscribes, counting the deletion, and accepts an unknown subscription silently', () => {
    const arn = t.broker.subscribe({ topicArn: t.topicArn, protocol: 'sqs', endpoint: QUEUE });
    t.broker.unsubscribe(arn, true);
    t.broker.unsubscribe(`${t.topicArn}:00000000-0000-0000-0000-000000000000`, true);
    expect(t.broker.getTopicAttributes(t.topicArn)).toMatchObject({ SubscriptionsDeleted: '1', SubscriptionsConfirmed: '2' });
  });

  it('deletes a topic with its subscriptions, and CreateTopic is idempotent', () => {
    const arn = t.broker.createTopic({ name: 'notices' });
    expect(t.broker.createTopic({ name: 'notices' })).toBe(arn);
    expect(() => t.broker.createTopic({ name: 'notices', tags: { team: 'x' } })).toThrow('Invalid parameter: Tags Reason: Topic already exists with different tags');
    t.broker.subscribe({ topicArn: arn, protocol: 'sqs', endpoint: QUEUE });
    t.broker.deleteTopic(arn);
    expect(() => t.broker.getTopicAttributes(arn)).toThrow('Topic does not exist');
    expect(t.broker.listSubscriptions().subscriptions.every((s) => s.topicArn !== arn)).toBe(true);
  });
});
