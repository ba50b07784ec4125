// End to end through the local asynchronous services, on a test stack of their own
// (test/fixtures/asyncStack): SNS -> SQS -> Lambda with retries and a dead-letter queue,
// S3 notifications through CDK's own custom resource, SES sending from a function. The test
// drives everything with the ordinary AWS SDK clients and reads nothing but the endpoints
// contract (what `npm run dev` writes to .data/endpoints.json).
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../local/shared/logger';
import { startLocalStack, type Endpoints, type LocalStack } from '../../local/stack';
import { ASYNC_STACK, asyncCloudAssembly, MAIL_DOMAIN } from '../fixtures/asyncStack/asyncStack';

let stack: LocalStack;
let e: Endpoints;

beforeAll(async () => {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  stack = await startLocalStack({ cdkOut: asyncCloudAssembly() });
  // Only what endpoints.json holds, as a script would read it.
  e = JSON.parse(JSON.stringify(stack.endpoints)) as Endpoints;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const client = <T>(Client: new (config: object) => T, endpoint: string): T =>
  new Client({ endpoint, region: e.region, credentials: e.credentials });
const output = (path: string) => {
  const value = e.outputs[`${ASYNC_STACK}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${ASYNC_STACK}/${path}`);
  return value;
};

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function result(pk: string) {
  const dynamodb = client(DynamoDBClient, e.aws.dynamodb);
  const out = await dynamodb.send(new GetItemCommand({ TableName: output('Results'), Key: { pk: { S: pk } }, ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

/** Receives (and deletes) messages until `count` have arrived. */
async function drain(queueUrl: string, count: number, timeoutMs = 20_000): Promise<Message[]> {
  const sqs = client(SQSClient, e.aws.sqs);
  const messages: Message[] = [];
  const until = Date.now() + timeoutMs;
  while (messages.length < count && Date.now() < until) {
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }),
    );
    for (const m of out.Messages ?? []) {
      messages.push(m);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return messages;
}

describe('the endpoints contract', () => {
  it('names an endpoint for every AWS service, the local credentials, SMTP and the mail viewer', () => {
    for (const service of ['dynamodb', 'sqs', 'sns', 'ses', 'sesv2', 's3', 'lambda'] as const) {
      expect(e.aws[service], service).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    expect(e.credentials.accessKeyId).toBeTruthy();
    expect(e.smtp).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(e.mailViewerUrl).toBe(`${e.aws.ses}/_local/mail`);
  });

  it('gives the physical id of every table, queue, topic, bucket and function by construct path and logical id', () => {
    expect(output('Work')).toMatch(new RegExp(`^${e.aws.sqs}/000000000000/${ASYNC_STACK}-Work`));
    expect(output('Orders')).toMatch(/^arn:aws:sns:us-east-1:000000000000:/);
    expect(output('Uploads')).toMatch(/^[a-z0-9.-]{3,63}$/);
    expect(output('Results')).toBe(Object.values(e.tables)[0]);
    const worker = Object.values(e.resources).find((r) => r.path === `${ASYNC_STACK}/Worker`);
    expect(worker).toMatchObject({ type: 'AWS::Lambda::Function', ref: output('Worker') });
    expect(e.outputs[worker!.logicalId]).toBe(worker!.ref);
  });
});

describe('SNS -> SQS -> Lambda', () => {
  it('retries a failing message until it succeeds, sends a poison message to the DLQ, and fans out with filter policies', async () => {
    const sns = client(SNSClient, e.aws.sns);
    const kind = (value: string) => ({ kind: { DataType: 'String', StringValue: value } });
    const published = await sns.send(
      new PublishBatchCommand({
        TopicArn: output('Orders'),
        PublishBatchRequestEntries: [
          { Id: 'ok', Message: JSON.stringify({ id: 'ok' }), MessageAttributes: kind('order') },
          { Id: 'flaky', Message: JSON.stringify({ id: 'flaky', failTimes: 2 }), MessageAttributes: kind('order') },
          { Id: 'poison', Message: JSON.stringify({ id: 'poison', poison: true }), MessageAttributes: kind('order') },
          { Id: 'other', Message: JSON.stringify({ id: 'other' }), MessageAttributes: kind('refund') },
        ],
      }),
    );
    expect(published.Failed ?? []).toEqual([]);

    // The first message succeeds at once; the flaky one fails twice (its visibility timeout
    // returns it to the queue each time) and succeeds on its third receive.
    expect(await eventually('ok to be processed', () => result('work#ok'))).toMatchObject({ receiveCount: 1, kind: 'order' });
    expect(await eventually('flaky to be processed', () => result('work#flaky'))).toMatchObject({ receiveCount: 3 });

    // The poison message is received maxReceiveCount (3) times, then moved to the DLQ, intact.
    const [dead] = await drain(output('WorkDlq'), 1);
    expect(JSON.parse(dead.Body!)).toEqual({ id: 'poison', poison: true });
    expect(dead.MessageAttributes?.kind?.StringValue).toBe('order');
    expect(await result('work#poison')).toBeUndefined();

    // The filter policy kept the refund out of the work queue; the audit queue, subscribed
    // without raw delivery, got all four in SNS's JSON envelope.
    expect(await result('work#other')).toBeUndefined();
    const envelopes = (await drain(output('Audit'), 4)).map((m) => JSON.parse(m.Body!));
    expect(envelopes.map((n) => JSON.parse(n.Message).id).sort()).toEqual(['flaky', 'ok', 'other', 'poison']);
    for (const n of envelopes) {
      expect(n).toMatchObject({ Type: 'Notification', TopicArn: output('Orders'), SignatureVersion: '1' });
      expect(n.MessageAttributes.kind.Type).toBe('String');
    }
  }, 60_000);
});

describe('S3 notifications (CDK custom resource)', () => {
  it('invokes the function for objects created under the prefix, by PutObject and by a presigned PUT', async () => {
    const s3 = client(S3Client, e.aws.s3);
    const bucket = output('Uploads');
    const csv = 'email,name\na@example.com,A\n';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'in/report one.csv', Body: csv }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'out/ignored.csv', Body: 'x' }));
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'in/presigned.csv' }), { expiresIn: 300 });
    const put = await fetch(url, { method: 'PUT', body: 'email\nb@example.com\n' });
    expect(put.status).toBe(200);

    expect(await eventually('the PutObject notification', () => result('upload#in/report one.csv'))).toMatchObject({
      eventName: 'ObjectCreated:Put',
      size: Buffer.byteLength(csv),
      bucket,
    });
    expect(await eventually('the presigned PUT notification', () => result('upload#in/presigned.csv'))).toMatchObject({ eventName: 'ObjectCreated:Put' });
    await stack.settled();
    expect(await result('upload#out/ignored.csv')).toBeUndefined();
  });
});

describe('SES from a function', () => {
  it('keeps what the function sent in the outbox the mail viewer shows', async () => {
    const lambda = client(LambdaClient, e.aws.lambda);
    const to = `guest-${crypto.randomUUID()}@example.com`;
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: output('Mailer'), Payload: JSON.stringify({ to, subject: 'Team lunch', text: 'See you at noon.' }) }),
    );
    expect(out.FunctionError).toBeUndefined();
    const { messageId } = JSON.parse(new TextDecoder().decode(out.Payload)) as { messageId: string };
    expect(messageId).toBeTruthy();

    const list = (await (await fetch(`${e.mailViewerUrl}/messages`)).json()) as { messages: { messageId: string; from: string; to: string[]; subject: string }[] };
    expect(list.messages.find((m) => m.messageId === messageId)).toMatchObject({ from: `events@${MAIL_DOMAIN}`, to: [to], subject: 'Team lunch' });
    const raw = await (await fetch(`${e.mailViewerUrl}/messages/${messageId}/raw`)).text();
    expect(raw).toMatch(/\r\nSubject: Team lunch\r\n/);
    expect(raw).toContain('See you at noon.');
  });
});
