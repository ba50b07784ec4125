// functions/lib/dispatch/queueDispatch.ts against the local SQS, as the stager and
// inviteQueuer run it: the container's client (lib/aws/sqs.ts) configured from the
// environment alone (REGION, AWS_ENDPOINT_URL_SQS, credentials), no endpoint in code.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDispatch } from '../../../functions/lib/dispatch/queueDispatch';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/shared/localCredentials';
import type { DispatchMessage } from '../../../resolvers/lib/dispatch';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;
let counter = 0;
const ENV = ['REGION', 'AWS_ENDPOINT_URL_SQS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
const before = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  sqs = await startSqs();
  Object.assign(process.env, { REGION: LOCAL_REGION, AWS_ENDPOINT_URL_SQS: sqs.url, AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey });
  delete process.env.AWS_SESSION_TOKEN;
});
afterAll(async () => {
  for (const name of ENV) {
    if (before[name] === undefined) delete process.env[name];
    else process.env[name] = before[name];
  }
  await sqs.stop();
});

async function newQueue() {
  counter += 1;
  const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: `dispatch-${counter}` }));
  return QueueUrl!;
}

/** Everything in the queue, received ten at a time until it is empty. */
async function receiveAll(QueueUrl: string): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 60 }));
    if (Messages.length === 0) return all;
    all.push(...Messages);
  }
}

const messages = (n: number, eventId = 'evt-1'): DispatchMessage[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'REQUEST', reason: 'INVITED', eventId, email: `guest${String(i).padStart(2, '0')}@example.com`, sequence: 0 }));

describe('queueDispatch on the local SQS', () => {
  it('queues more than ten messages (several SendMessageBatch requests of at most ten), every one arriving once', async () => {
    const QueueUrl = await newQueue();
    const sent = [...messages(23), { kind: 'CANCEL', reason: 'REMOVED', eventId: 'evt-1', email: 'removed@example.com', sequence: 2, name: 'Ré Moved', invitedAt: '2030-01-02T10:00:00.000Z' } satisfies DispatchMessage];
    expect(await queueDispatch(QueueUrl, sent)).toEqual([]);
    const received = await receiveAll(QueueUrl);
    expect(received).toHaveLength(24);
    const bodies = received.map((m) => JSON.parse(m.Body!) as DispatchMessage).sort((a, b) => a.email.localeCompare(b.email));
    expect(bodies).toEqual([...sent].sort((a, b) => a.email.localeCompare(b.email)));
  });

  it('gives each message its kind and event as String message attributes', async () => {
    const QueueUrl = await newQueue();
    await queueDispatch(QueueUrl, [...messages(11, 'evt-7'), { kind: 'CANCEL', reason: 'EVENT_CANCELLED', eventId: 'evt-7', email: 'c@example.com', sequence: 3 }]);
    const received = await receiveAll(QueueUrl);
    expect(received).toHaveLength(12);
    for (const message of received) {
      const body = JSON.parse(message.Body!) as DispatchMessage;
      expect(message.MessageAttributes).toEqual({ kind: { DataType: 'String', StringValue: body.kind }, eventId: { DataType: 'String', StringValue: 'evt-7' } });
    }
    expect(received.filter((m) => m.MessageAttributes!.kind!.StringValue === 'CANCEL')).toHaveLength(1);
  });

  it('reports an entry SQS refuses (a character SQS does not carry) as a sender fault, and queues the rest', async () => {
    const QueueUrl = await newQueue();
    const bad: DispatchMessage = { kind: 'REQUEST', reason: 'INVITED', eventId: 'evt-1', email: 'odd\uFFFE@example.com', sequence: 0 };
    const failures = await queueDispatch(QueueUrl, [...messages(12), bad]);
    expect(failures).toEqual([{ message: bad, error: expect.stringMatching(/^InvalidMessageContents: .*\(sender fault\)$/) }]);
    expect(await receiveAll(QueueUrl)).toHaveLength(12);
  });

  it('names every message when the queue does not exist, rather than throwing', async () => {
    const QueueUrl = `${await newQueue()}-missing`;
    const failures = await queueDispatch(QueueUrl, messages(12));
    expect(failures).toHaveLength(12);
    expect(failures[0]!.error).toMatch(/QueueDoesNotExist|NonExistentQueue/);
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl: QueueUrl.replace(/-missing$/, ''), AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(Attributes!.ApproximateNumberOfMessages).toBe('0');
  });
});
