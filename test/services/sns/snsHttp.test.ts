// HTTP/S subscriptions against a real local endpoint: the SubscriptionConfirmation POST and its
// SNS headers, confirming by visiting the SubscribeURL, notifications signed so the endpoint can
// verify them with the certificate served at SigningCertURL, raw delivery, the retry policy for
// failed answers (the clock moved by hand), and unsubscribing through the UnsubscribeURL.
// https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.prepare.html
// https://docs.aws.amazon.com/sns/latest/dg/http-header.html
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html
// https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html
import { X509Certificate, verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../local/shared/clock';
import { readBody, startHttpServer, type RunningServer } from '../../../local/shared/httpServer';
import { startSns, type SnsHarness } from './harness';

type Received = { headers: IncomingHttpHeaders; body: string; json?: Record<string, string> };

let h: SnsHarness;
let clock: ManualClock;
let endpoint: RunningServer;
let received: Received[] = [];
let answers: number[] = [];

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  h = await startSns({ clock });
  endpoint = await startHttpServer('subscriber', 0, async (req, res) => {
    const body = (await readBody(req, 1024 * 1024)).toString('utf8');
    let json: Record<string, string> | undefined;
    try {
      json = JSON.parse(body) as Record<string, string>;
    } catch {
      json = undefined;
    }
    received.push({ headers: req.headers, body, json });
    res.writeHead(answers.shift() ?? 200).end();
  });
});
afterAll(async () => {
  await h.close();
  await endpoint.close();
});
beforeEach(() => {
  received = [];
  answers = [];
});

/** What a subscriber does: fetch the certificate from SigningCertURL and check the signature over the string to sign. */
async function verifiesSignature(message: Record<string, string>): Promise<boolean> {
  const pem = await (await fetch(message.SigningCertURL!)).text();
  const names =
    message.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const text = names.filter((n) => message[n] !== undefined).map((n) => `${n}\n${message[n]}\n`).join('');
  const algorithm = message.SignatureVersion === '2' ? 'sha256' : 'sha1';
  return verify(algorithm, Buffer.from(text), new X509Certificate(pem).publicKey, Buffer.from(message.Signature!, 'base64'));
}

async function subscribeAndConfirm(topicArn: string, path: string, attributes?: Record<string, string>) {
  const url = `${endpoint.url}${path}`;
  expect((await h.client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: url, Attributes: attributes }))).SubscriptionArn).toBe(
    'pending confirmation',
  );
  await h.sns.broker.settled();
  const confirmation = received.find((r) => r.json?.Type === 'SubscriptionConfirmation')!;
  const visit = await fetch(confirmation.json!.SubscribeURL!);
  const xml = await visit.text();
  const subscriptionArn = /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(xml)![1]!;
  received = [];
  return { confirmation, visit, xml, subscriptionArn };
}

describe('subscription confirmation', () => {
  it('POSTs a signed SubscriptionConfirmation, and visiting its SubscribeURL confirms the subscription', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'hooks' }));
    const { confirmation, visit, xml, subscriptionArn } = await subscribeAndConfirm(TopicArn!, '/sns');
    expect(confirmation.headers).toMatchObject({
      'x-amz-sns-message-type': 'SubscriptionConfirmation',
      'x-amz-sns-topic-arn': TopicArn,
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
    });
    expect(confirmation.headers['x-amz-sns-message-id']).toBe(confirmation.json!.MessageId);
    expect(confirmation.json).toMatchObject({
      Type: 'SubscriptionConfirmation',
      TopicArn,
      Message: `You have chosen to subscribe to the topic ${TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    });
    expect(confirmation.json!.SubscribeURL).toBe(`${h.server.url}/?Action=ConfirmSubscription&TopicArn=${TopicArn}&Token=${confirmation.json!.Token}`);
    expect(await verifiesSignature(confirmation.json!)).toBe(true);
    expect(visit.status).toBe(200);
    expect(xml).toContain('<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult>');
    const { Attributes } = await h.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
    // Confirmed without an AWS signature (the SubscribeURL), so not "authenticated".
    expect(Attributes).toMatchObject({ PendingConfirmation: 'false', ConfirmationWasAuthenticated: 'false', Endpoint: `${endpoint.url}/sns` });
  });
});

describe('notifications', () => {
  it('POSTs signed notifications with the SNS headers; SignatureVersion 2 signs with SHA256', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'signed', Attributes: { SignatureVersion: '2' } }));
    const { subscriptionArn } = await subscribeAndConfirm(TopicArn!, '/signed');
    const { MessageId } = await h.client.send(new PublishCommand({ TopicArn, Subject: 'Hello', Message: 'Hello world!' }));
    await h.sns.broker.settled();
    expect(received).toHaveLength(1);
    const [notification] = received;
    expect(notification!.headers).toMatchObject({
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': MessageId,
      'x-amz-sns-topic-arn': TopicArn,
      'x-amz-sns-subscription-arn': subscriptionArn,
    });
    expect(notification!.json).toMatchObject({ Type: 'Notification', Subject: 'Hello', Message: 'Hello world!', SignatureVersion: '2' });
    expect(await verifiesSignature(notification!.json!)).toBe(true);
    expect(await verifiesSignature({ ...notification!.json!, Message: 'forged' })).toBe(false);
  });

  it('sends the bare message with x-amz-sns-rawdelivery when raw delivery is on', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'raw-hooks' }));
    const { subscriptionArn } = await subscribeAndConfirm(TopicArn!, '/raw');
    await h.client.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    await h.client.send(new PublishCommand({ TopicArn, Message: '<calendar/>', MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } } }));
    await h.sns.broker.settled();
    expect(received.map((r) => [r.body, r.headers['x-amz-sns-rawdelivery']])).toEqual([['<calendar/>', 'true']]);
  });
});

describe('retries', () => {
  it('retries a 5xx answer after 20 seconds (the default policy) and does not retry a 4xx', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'flaky' }));
    await subscribeAndConfirm(TopicArn!, '/flaky');
    answers = [500, 200];
    await h.client.send(new PublishCommand({ TopicArn, Message: 'try again' }));
    await h.sns.broker.settled();
    expect(received).toHaveLength(1);
    clock.advance(19_999);
    await h.sns.broker.settled();
    expect(received).toHaveLength(1);
    clock.advance(1);
    await h.sns.broker.settled();
    expect(received.map((r) => r.json?.Message)).toEqual(['try again', 'try again']);
    expect(received[0]!.json!.MessageId).toBe(received[1]!.json!.MessageId);

    received = [];
    answers = [404];
    await h.client.send(new PublishCommand({ TopicArn, Message: 'gone' }));
    await h.sns.broker.settled();
    clock.advance(60_000);
    await h.sns.broker.settled();
    expect(received).toHaveLength(1);
  });

  it('follows the subscription’s DeliveryPolicy', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'policy' }));
    const policy = { healthyRetryPolicy: { numRetries: 2, numNoDelayRetries: 1, minDelayTarget: 5, maxDelayTarget: 5, numMinDelayRetries: 0, numMaxDelayRetries: 0, backoffFunction: 'linear' } };
    await subscribeAndConfirm(TopicArn!, '/policy', { DeliveryPolicy: JSON.stringify(policy) });
    answers = [503, 503, 503];
    await h.client.send(new PublishCommand({ TopicArn, Message: 'x' }));
    await h.sns.broker.settled();
    // The first attempt and the immediate retry, then one more after 5 seconds, then none.
    expect(received).toHaveLength(2);
    clock.advance(5_000);
    await h.sns.broker.settled();
    clock.advance(60_000);
    await h.sns.broker.settled();
    expect(received).toHaveLength(3);
  });
});

describe('unsubscribing', () => {
  it('removes the subscription when its UnsubscribeURL is visited, and tells the endpoint', async () => {
    const { TopicArn } = await h.client.send(new CreateTopicCommand({ Name: 'leaving' }));
    await subscribeAndConfirm(TopicArn!, '/leaving');
    await h.client.send(new PublishCommand({ TopicArn, Message: 'bye' }));
    await h.sns.broker.settled();
    const unsubscribeUrl = received[0]!.json!.UnsubscribeURL!;
    received = [];
    const answer = await fetch(unsubscribeUrl);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<UnsubscribeResponse');
    await h.sns.broker.settled();
    expect((await h.client.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions).toEqual([]);
    expect(received.map((r) => r.json?.Type)).toEqual(['UnsubscribeConfirmation']);
    expect(await verifiesSignature(received[0]!.json!)).toBe(true);
  });
});
