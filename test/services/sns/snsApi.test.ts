// Every SNS operation of the local service through the real @aws-sdk/client-sns over HTTP
// (AWS query protocol, XML answers, errors as e.name):
// https://docs.aws.amazon.com/sns/latest/api/API_Operations.html
import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  PublishBatchCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { startSns, type SnsHarness } from './harness';

const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:inbox';

let h: SnsHarness;
beforeAll(async () => {
  h = await startSns();
});
afterAll(() => h.close());

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('the call succeeded');
}

describe('topics', () => {
  it('creates, lists, describes, changes and deletes topics', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'invites', Attributes: { DisplayName: 'Invites' }, Tags: [{ Key: 'team', Value: 'cal' }] }));
    expect(TopicArn).toBe('arn:aws:sns:us-east-1:000000000000:invites');
    expect((await h.client.send(new CreateTopicCommand({ Name: 'invites', Tags: [{ Key: 'team', Value: 'cal' }] }))).TopicArn).toBe(TopicArn);
    expect((await h.client.send(new ListTopicsCommand({}))).Topics).toContainEqual({ TopicArn });
    await h.client.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'DisplayName', AttributeValue: 'Invitations' }));
    const { Attributes } = await h.client.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({ DisplayName: 'Invitations', TopicArn, Owner: '000000000000', SubscriptionsConfirmed: '0' });
    expect(JSON.parse(Attributes!.EffectiveDeliveryPolicy!)).toMatchObject({ http: { defaultHealthyRetryPolicy: { numRetries: 3, minDelayTarget: 20 } } });
    await h.client.send(new DeleteTopicCommand({ TopicArn }));
    expect(await errorOf(h.client.send(new GetTopicAttributesCommand({ TopicArn })))).toEqual({ name: 'NotFoundException', message: 'Topic does not exist', status: 404 });
  });

  it('pages ListTopics by 100 with NextToken', async () => {
    for (let i = 0; i < 105; i += 1) await h.client.send(new CreateTopicCommand({ Name: `page-${i}` }));
    const first = await h.client.send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    const second = await h.client.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    expect(first.Topics!.length + second.Topics!.length).toBeGreaterThanOrEqual(105);
  });
});

describe('subscriptions', () => {
  let TopicArn: string;
  beforeAll(async () => {
    TopicArn = (await h.client.send(new CreateTopicCommand({ Name: 'subs' }))).TopicArn!;
  });

  it('subscribes a queue with attributes, lists it, reads and changes its attributes, unsubscribes', async () => {
    const { SubscriptionArn } = await h.client.send(
      new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: QUEUE, Attributes: { RawMessageDelivery: 'true', FilterPolicy: '{"kind":["invite"]}' } }),
    );
    expect(SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:[0-9a-f-]{36}$`));
    const byTopic = await h.client.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(byTopic.Subscriptions).toEqual([{ SubscriptionArn, Owner: '000000000000', Protocol: 'sqs', Endpoint: QUEUE, TopicArn }]);
    expect((await h.client.send(new ListSubscriptionsCommand({}))).Subscriptions).toContainEqual(byTopic.Subscriptions![0]);
    await h.client.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'FilterPolicyScope', AttributeValue: 'MessageBody' }));
    const { Attributes } = await h.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }));
    expect(Attributes).toMatchObject({
      Protocol: 'sqs',
      Endpoint: QUEUE,
      RawMessageDelivery: 'true',
      PendingConfirmation: 'false',
      ConfirmationWasAuthenticated: 'true',
      FilterPolicy: '{"kind":["invite"]}',
      FilterPolicyScope: 'MessageBody',
      SubscriptionPrincipal: 'arn:aws:iam::000000000000:user/local-developer',
    });
    await h.client.send(new UnsubscribeCommand({ SubscriptionArn }));
    expect((await h.client.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toEqual([]);
    expect(await errorOf(h.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn })))).toMatchObject({ name: 'NotFoundException', message: 'Subscription does not exist' });
  });

  it('answers an HTTP subscription as pending, and confirms it with the token over the API', async () => {
    const { SubscriptionArn } = await h.client.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'ada@example.com' }));
    expect(SubscriptionArn).toBe('pending confirmation');
    const recorded = h.sns.broker.recordedDeliveries.find((r) => r.type === 'SubscriptionConfirmation' && r.endpoint === 'ada@example.com')!;
    const { Token } = JSON.parse(recorded.body) as { Token: string };
    const confirmed = await h.client.send(new ConfirmSubscriptionCommand({ TopicArn, Token }));
    expect(confirmed.SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:`));
    const { Attributes } = await h.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: confirmed.SubscriptionArn }));
    expect(Attributes).toMatchObject({ PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'true' });
    expect(await errorOf(h.client.send(new ConfirmSubscriptionCommand({ TopicArn, Token: 'zz-not-hex' })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid token',
    });
  });

  it('answers bad subscriptions with SNS’s errors', async () => {
    expect(await errorOf(h.client.send(new SubscribeCommand({ TopicArn, Protocol: 'carrier-pigeon', Endpoint: 'x' })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon',
      status: 400,
    });
    expect(
      await errorOf(h.client.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: QUEUE, Attributes: { FilterPolicy: '{"a":{"b":["c"]}}' } }))),
    ).toMatchObject({ message: 'Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not support nested filter policy' });
    expect(await errorOf(h.client.send(new SubscribeCommand({ TopicArn: `${TopicArn}-nope`, Protocol: 'sqs', Endpoint: QUEUE })))).toMatchObject({
      name: 'NotFoundException',
    });
  });
});

describe('publishing', () => {
  let TopicArn: string;
  beforeAll(async () => {
    TopicArn = (await h.client.send(new CreateTopicCommand({ Name: 'pub' }))).TopicArn!;
    await h.client.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: QUEUE }));
  });

  it('publishes with a subject, attributes (binary too) and MessageStructure, by TopicArn or TargetArn', async () => {
    const one = await h.client.send(
      new PublishCommand({
        TopicArn,
        Subject: 'Invite',
        Message: 'hello',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'invite' },
          bytes: { DataType: 'Binary', BinaryValue: new Uint8Array([2, 3, 4]) },
        },
      }),
    );
    expect(one.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    await h.client.send(new PublishCommand({ TargetArn: TopicArn, MessageStructure: 'json', Message: JSON.stringify({ default: 'd', sqs: 'for sqs' }) }));
    await h.sns.broker.settled();
    const [first, second] = h.queues.to(QUEUE).map((m) => JSON.parse(m.body) as Record<string, unknown>);
    expect(first).toMatchObject({
      MessageId: one.MessageId,
      Subject: 'Invite',
      Message: 'hello',
      MessageAttributes: { kind: { Type: 'String', Value: 'invite' }, bytes: { Type: 'Binary', Value: 'AgME' } },
    });
    expect(second!.Message).toBe('for sqs');
  });

  it('publishes batches and answers per entry', async () => {
    const result = await h.client.send(
      new PublishBatchCommand({
        TopicArn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: 'one' },
          { Id: 'b', Message: 'two', MessageAttributes: { n: { DataType: 'Number', StringValue: '2' } } },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['a', 'b']);
    expect(result.Failed ?? []).toEqual([]);
    expect(await errorOf(h.client.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'x', Message: 'a' }, { Id: 'x', Message: 'b' }] })))).toMatchObject({
      name: 'BatchEntryIdsNotDistinctException',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, Message: 'm' }));
    expect(await errorOf(h.client.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: eleven })))).toMatchObject({
      name: 'TooManyEntriesInBatchRequestException',
    });
  });

  it('answers bad publishes with SNS’s errors', async () => {
    expect(await errorOf(h.client.send(new PublishCommand({ TopicArn: 'foo', Message: 'x' })))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
    });
    expect(await errorOf(h.client.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { a: { DataType: 'String', StringValue: '' } } })))).toMatchObject({
      name: 'InvalidParameterValueException',
      message: "The message attribute 'a' must contain non-empty message attribute value for message attribute type 'String'.",
    });
    expect(await errorOf(h.client.send(new PublishCommand({ TopicArn, Message: '' })))).toMatchObject({ message: 'Invalid parameter: Empty message' });
  });
});

describe('signatures', () => {
  it('refuses an unsigned request, and one signed with an unknown key', async () => {
    const unsigned = await fetch(`${h.server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListTopics&Version=2010-03-31',
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const stranger = new SNSClient({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'nope' } });
    expect(await errorOf(stranger.send(new ListTopicsCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    const wrongSecret = new SNSClient({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIALOCALDEVELOPMENT', secretAccessKey: 'wrong' } });
    expect(await errorOf(wrongSecret.send(new ListTopicsCommand({})))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
  });

  it('allows 15 minutes of clock skew and answers more with SignatureDoesNotMatch "Signature expired"', async () => {
    const late = new SNSClient({ ...localClientConfig(h.server.url), systemClockOffset: -10 * 60 * 1000 });
    await expect(late.send(new ListTopicsCommand({}))).resolves.toBeDefined();
    const tooLate = new SNSClient({ ...localClientConfig(h.server.url), systemClockOffset: -20 * 60 * 1000 });
    const error = await errorOf(tooLate.send(new ListTopicsCommand({})));
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });
});
