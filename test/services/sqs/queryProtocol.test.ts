// The AWS query protocol older clients speak: form-encoded Action=... signed with SigV4,
// answered in XML (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html).
// Requests are signed with the SDK's own signer, as such a client signs them.
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/shared/localCredentials';
import { md5Hex, md5OfMessageAttributes } from '../../../local/sqs/md5';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;
let queueUrl: string;

beforeAll(async () => {
  sqs = await startSqs();
  queueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'legacy' }))).QueueUrl!;
});
afterAll(() => sqs.stop());

async function query(params: Record<string, string>, path = '/') {
  const url = new URL(sqs.url);
  const body = new URLSearchParams({ Version: '2012-11-05', ...params }).toString();
  const signer = new SignatureV4({ service: 'sqs', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const response = await fetch(`${sqs.url}${path}`, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  return { status: response.status, xml: await response.text() };
}

const element = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!);
const unescape = (text: string) => text.replace(/&#xD;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('SQS over the query protocol', () => {
  it('sends with attributes and receives in XML, with the same digests', async () => {
    const body = 'a <b> & "c"\r\n';
    const sent = await query({
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: body,
      'MessageAttribute.1.Name': 'kind',
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': 'invite',
    });
    expect(sent.status).toBe(200);
    expect(sent.xml).toContain('<SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><SendMessageResult>');
    expect(element(sent.xml, 'MD5OfMessageBody')).toEqual([md5Hex(body)]);
    expect(element(sent.xml, 'MD5OfMessageAttributes')).toEqual([md5OfMessageAttributes({ kind: { DataType: 'String', StringValue: 'invite' } })]);

    // Older SDKs post to the queue URL itself.
    const received = await query({ Action: 'ReceiveMessage', 'AttributeName.1': 'All', 'MessageAttributeName.1': 'All' }, new URL(queueUrl).pathname);
    expect(received.status).toBe(200);
    expect(element(received.xml, 'Body').map(unescape)).toEqual([body]);
    expect(element(received.xml, 'MD5OfBody')).toEqual([md5Hex(body)]);
    expect(received.xml).toContain('<MessageAttribute><Name>kind</Name><Value><DataType>String</DataType><StringValue>invite</StringValue></Value></MessageAttribute>');
    expect(received.xml).toContain('<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>');
    const handle = element(received.xml, 'ReceiptHandle')[0]!;
    const deleted = await query({ Action: 'DeleteMessageBatch', QueueUrl: queueUrl, 'DeleteMessageBatchRequestEntry.1.Id': 'x', 'DeleteMessageBatchRequestEntry.1.ReceiptHandle': handle });
    expect(deleted.xml).toContain('<DeleteMessageBatchResultEntry><Id>x</Id></DeleteMessageBatchResultEntry>');
  });

  it('answers errors in the query shape with the legacy code', async () => {
    const missing = await query({ Action: 'GetQueueUrl', QueueName: 'nope' });
    expect(missing.status).toBe(400);
    expect(element(missing.xml, 'Code')).toEqual(['AWS.SimpleQueueService.NonExistentQueue']);
    expect(element(missing.xml, 'Type')).toEqual(['Sender']);
    const unknown = await query({ Action: 'Frobnicate' });
    expect(element(unknown.xml, 'Code')).toEqual(['InvalidAction']);
  });

  it('lists queues and reads attributes', async () => {
    const listed = await query({ Action: 'ListQueues' });
    expect(element(listed.xml, 'QueueUrl')).toEqual([queueUrl]);
    const attributes = await query({ Action: 'GetQueueAttributes', QueueUrl: queueUrl, 'AttributeName.1': 'VisibilityTimeout' });
    expect(attributes.xml).toContain('<Attribute><Name>VisibilityTimeout</Name><Value>30</Value></Attribute>');
  });
});
