// When publishing keeps failing, the stream is not stuck and nothing is lost silently: on a
// small stack of its own (EVENT_UPDATED points at a topic that does not exist), the failed
// update is retried from its own record (what was published before it is not published
// again), isolated by bisecting, then described alone on the publisher's failure queue, and
// the records after it are published. The shared stack's topics are never broken for this.
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../local/shared/logger';
import { startLocalStack, type Endpoints, type LocalStack } from '../../local/stack';
import { eventKey, noticeKey } from '../../resolvers/lib/keys';
import { FAILURE_STACK, publishingFailureCloudAssembly, RETRY_ATTEMPTS } from '../fixtures/publishingFailureStack/publishingFailureStack';
import { makeEvent, makeNotice } from '../helpers/streamRecords';
import { TopicTap } from '../helpers/topicTap';
import { schemaErrors } from '../helpers/topicSchemas';

let stack: LocalStack;
let e: Endpoints;
let notices: TopicTap;
let cdkOut: string;

beforeAll(async () => {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  cdkOut = publishingFailureCloudAssembly();
  stack = await startLocalStack({ cdkOut });
  e = stack.endpoints;
  notices = await TopicTap.subscribe(e, output('Notices'));
}, 120_000);

afterAll(async () => {
  await notices?.close();
  await stack?.stop();
  if (cdkOut) rmSync(cdkOut, { recursive: true, force: true });
});

function output(path: string): string {
  const value = e.outputs[`${FAILURE_STACK}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${FAILURE_STACK}/${path}`);
  return value;
}

describe('a publish that keeps failing', () => {
  it('is retried, then described on the failure queue, and the stream goes on', async () => {
    const dynamodb = new DynamoDBClient({ region: e.region, endpoint: e.aws.dynamodb, credentials: e.credentials });
    const tableName = Object.values(e.tables)[0];
    const event = makeEvent({ id: crypto.randomUUID() });
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: marshall(event, { removeUndefinedValues: true }) }));
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: marshall(eventKey(event.id)),
        UpdateExpression: 'SET #title = :title, #sequence = :one, #version = :two',
        ExpressionAttributeNames: { '#title': 'title', '#sequence': 'sequence', '#version': 'version' },
        ExpressionAttributeValues: marshall({ ':title': 'Moved', ':one': 1, ':two': 2 }),
      }),
    );
    const notice = makeNotice({ id: crypto.randomUUID(), createdAt: new Date().toISOString() });
    await dynamodb.send(new PutItemCommand({ TableName: tableName, Item: marshall({ ...notice, ...noticeKey(notice.organizerId, notice.createdAt, notice.id) }) }));

    // The failure queue gets Lambda's description of the batch it gave up on.
    const sqs = new SQSClient({ region: e.region, endpoint: e.aws.sqs, credentials: e.credentials });
    const failuresUrl = output('Publishing/StreamFailures');
    let failure: any;
    const until = Date.now() + 30_000;
    while (!failure && Date.now() < until) {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: failuresUrl, WaitTimeSeconds: 1 }));
      for (const m of out.Messages ?? []) {
        failure = JSON.parse(m.Body!);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: failuresUrl, ReceiptHandle: m.ReceiptHandle }));
      }
    }
    expect(failure, 'a record on the failure queue').toBeDefined();
    expect(failure.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted' });
    expect(failure.requestContext.approximateInvokeCount).toBeGreaterThan(RETRY_ATTEMPTS);
    // The batch's first record failed the invocation, so Lambda split the batch down to it.
    expect(failure.responseContext).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(failure.DDBStreamBatchInfo).toMatchObject({ batchSize: 1, streamArn: expect.stringContaining('/stream/') });
    expect(failure.DDBStreamBatchInfo.startSequenceNumber).toBe(failure.DDBStreamBatchInfo.endSequenceNumber);

    // The notice after the failed update is published; the creation notice before it, once.
    const stored = await notices.next('the notice written after the failed update', (b) => b.messageId === `ORGANIZER_NOTICE#${notice.id}`);
    expect(schemaErrors(stored.body)).toEqual([]);
    expect(await notices.all((b) => b.messageId === `ORGANIZER_NOTICE#EVENT_CREATED#${event.id}`)).toHaveLength(1);
  }, 60_000);
});
