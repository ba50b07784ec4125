// SQS's errors as the SDK sees them: e.name from the query-compatible error, the HTTP status of
// the service model, and refused signatures.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, localClientConfig } from '../../../local/shared/localCredentials';
import { startSqs, type RunningSqs } from './sqsHarness';

let sqs: RunningSqs;
let QueueUrl: string;

beforeAll(async () => {
  sqs = await startSqs();
  QueueUrl = (await sqs.client.send(new CreateQueueCommand({ QueueName: 'errors' }))).QueueUrl!;
});
afterAll(() => sqs.stop());

describe('SQS errors over HTTP', () => {
  it('QueueDoesNotExist: the modelled error class, status 400 and the legacy code', async () => {
    const error = await sqs.client.send(new SendMessageCommand({ QueueUrl: `${sqs.url}/000000000000/missing`, MessageBody: 'x' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueDoesNotExist);
    expect(error).toMatchObject({
      name: 'QueueDoesNotExist',
      message: 'The specified queue does not exist.',
      $metadata: { httpStatusCode: 400 },
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
      Type: 'Sender',
    });
  });

  it('answers the JSON error shape with x-amzn-query-error', async () => {
    const response = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Nope' as never] })).catch((e: unknown) => e);
    expect(response).toMatchObject({ name: 'InvalidAttributeName', $metadata: { httpStatusCode: 400 } });
  });

  it('names the errors of messages and batches', async () => {
    const cases: [() => Promise<unknown>, string, number][] = [
      [() => sqs.client.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: 'bogus', VisibilityTimeout: 1 })), 'ReceiptHandleIsInvalid', 404],
      [() => sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] })), 'EmptyBatchRequest', 400],
      [
        () => sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' })) })),
        'TooManyEntriesInBatchRequest',
        400,
      ],
      [() => sqs.client.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'same', ReceiptHandle: 'a' }, { Id: 'same', ReceiptHandle: 'b' }] })), 'BatchEntryIdsNotDistinct', 400],
      [() => sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'not ok!', MessageBody: 'x' }] })), 'InvalidBatchEntryId', 400],
      [
        () => sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: [0, 1].map((i) => ({ Id: `big${i}`, MessageBody: 'x'.repeat(600_000) })) })),
        'BatchRequestTooLong',
        400,
      ],
      [() => sqs.client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 })), 'InvalidParameterValue', 400],
      [() => sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1_048_577) })), 'InvalidParameterValue', 400],
      [() => sqs.client.send(new CreateQueueCommand({ QueueName: 'errors', Attributes: { DelaySeconds: '5' } })), 'QueueNameExists', 400],
      [() => sqs.client.send(new CreateQueueCommand({ QueueName: 'bad name' })), 'InvalidParameterValue', 400],
      [() => sqs.client.send(new CreateQueueCommand({ QueueName: 'x', Attributes: { VisibilityTimeout: 'soon' } })), 'InvalidAttributeValue', 400],
    ];
    for (const [attempt, name, status] of cases) {
      await expect(attempt()).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
    }
  });

  it('refuses a wrong secret (SignatureDoesNotMatch) and an unknown key (InvalidClientTokenId)', async () => {
    const wrongSecret = new SQSClient({ ...localClientConfig(sqs.url), credentials: { ...LOCAL_CREDENTIALS, secretAccessKey: 'wrong' } });
    await expect(wrongSecret.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    const unknownKey = new SQSClient({ ...localClientConfig(sqs.url), credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } });
    await expect(unknownKey.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      $metadata: { httpStatusCode: 403 },
    });
    const wrongRegion = new SQSClient({ ...localClientConfig(sqs.url, 'eu-west-1') });
    await expect(wrongRegion.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    for (const client of [wrongSecret, unknownKey, wrongRegion]) client.destroy();
  });

  it('refuses an unsigned request with AccessDenied in the JSON error shape', async () => {
    const response = await fetch(sqs.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
      body: JSON.stringify({ QueueUrl, MessageBody: 'x' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-query-error')).toBe('AccessDenied;Sender');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#AccessDenied', message: `Access to the resource ${sqs.url}/ is denied.` });
    const { Attributes } = await sqs.client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(Attributes).toEqual({ ApproximateNumberOfMessages: '0' });
  });
});
