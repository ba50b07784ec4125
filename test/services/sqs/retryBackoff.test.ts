// functions/lib/aws/retryBackoff.ts against the local SQS: a failed record's visibility is set
// to the delay for its receive count, so it comes back later than it otherwise would, and
// records that did not fail are left alone.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delayRetries } from '../../../functions/lib/aws/retryBackoff';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/shared/localCredentials';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;
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

describe('delayRetries', () => {
  it('keeps a failed record away for the delay of its receive count, and leaves the others as they were', async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: 'retry-backoff', Attributes: { VisibilityTimeout: '1' } }));
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    for (const body of ['fails', 'succeeds']) await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
    const { Messages = [] } = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(Messages).toHaveLength(2);
    const records = Messages.map((m) => ({ messageId: m.MessageId!, receiptHandle: m.ReceiptHandle!, eventSourceARN: Attributes!.QueueArn!, attributes: m.Attributes as unknown as SQSRecord['attributes'] }));
    const failing = records.find((_, i) => Messages[i]!.Body === 'fails')!;
    const logged: string[] = [];
    const failures = [{ itemIdentifier: failing.messageId }];
    expect(await delayRetries(records, failures, (message) => logged.push(message))).toBe(failures);
    expect(logged).toEqual([]);

    // Past the queue's 1 s visibility timeout: the record that succeeded (not deleted here) is
    // back, the failed one is kept away for 30 s.
    await new Promise((r) => setTimeout(r, 1_500));
    const again = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect((again.Messages ?? []).map((m) => m.Body)).toEqual(['succeeds']);
  });

  it('logs and goes on when it cannot set the delays', async () => {
    const logged: string[] = [];
    const records = [{ messageId: 'm', receiptHandle: 'h', eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:no-such-queue', attributes: { ApproximateReceiveCount: '1' } as SQSRecord['attributes'] }];
    expect(await delayRetries(records, [{ itemIdentifier: 'm' }], (message) => logged.push(message))).toEqual([{ itemIdentifier: 'm' }]);
    expect(logged).toEqual(['retry delays not set']);
  });
});
