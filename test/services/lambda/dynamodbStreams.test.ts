// DynamoDB Streams event source mappings on a real DynamoDB Local (started by the test, in
// memory) and real function bundles, as Lambda documents them:
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbStreamEventSources, type DynamoDbStreamEventSources, type StreamInvocation } from '../../../local/lambda/eventSources/dynamodbStreams';
import { eventually, startLambdaHarness, type LambdaHarness } from './lambdaHarness';

let h: LambdaHarness;
let sources: DynamoDbStreamEventSources;
const invocations: StreamInvocation[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'local-streams-checkpoints-'));

const startSources = () =>
  startDynamoDbStreamEventSources({
    model: h.model,
    dynamodbEndpoint: h.dynamodb!.endpoint,
    services: h.services,
    logger: h.logger,
    dataDir,
    retryDelayMs: 100,
    onInvoke: (invocation) => invocations.push(invocation),
  });

const put = (table: string, pk: string, n = 1) =>
  h.dynamodb!.client.send(new PutItemCommand({ TableName: h.ref(table), Item: { pk: { S: pk }, n: { N: String(n) } } }));

/** The keys of each invocation of `fn` that contains one of `keys`, in order. */
function batchesWith(fn: string, keys: string[]): string[][] {
  return invocations
    .filter((i) => i.functionName === h.ref(fn))
    .map((i) => i.records.map((r) => r.dynamodb.Keys.pk!.S as string))
    .filter((batch) => batch.some((key) => keys.includes(key)));
}

beforeAll(async () => {
  h = await startLambdaHarness({ dynamodb: true });
  // Written before the mappings start: the LATEST mapping must never see it.
  await put('Audit', 'keep-before-start');
  sources = await startSources();
}, 120_000);

afterAll(async () => {
  await sources?.stop();
  await h?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('DynamoDB stream event source mapping', () => {
  it('reads the template mappings with their settings', () => {
    const items = sources.mappings.find((m) => m.functionName === h.ref('StreamConsumer'))!;
    expect(items).toMatchObject({
      tableName: h.ref('Items'),
      startingPosition: 'TRIM_HORIZON',
      batchSize: 10,
      maximumBatchingWindowSeconds: 1,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 1,
      maximumRecordAgeSeconds: -1,
      reportBatchItemFailures: true,
      onFailure: h.arn('StreamFailures'),
    });
    expect(items.eventSourceArn).toBe(h.model.getAtt(Object.keys(h.model.template.Resources).find((id) => id.startsWith('Items'))!, 'StreamArn'));
  });

  it('delivers INSERT, MODIFY and REMOVE of an item in order, with the images NEW_AND_OLD_IMAGES promises', async () => {
    await put('Items', 'item-1', 1);
    await h.dynamodb!.client.send(
      new UpdateItemCommand({ TableName: h.ref('Items'), Key: { pk: { S: 'item-1' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } }),
    );
    await h.dynamodb!.client.send(new DeleteItemCommand({ TableName: h.ref('Items'), Key: { pk: { S: 'item-1' } } }));
    const records = await eventually(() => {
      const all = invocations.flatMap((i) => i.records).filter((r) => r.dynamodb.Keys.pk!.S === 'item-1');
      return all.length >= 3 ? all : undefined;
    });
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = records;
    const streamArn = sources.mappings.find((m) => m.functionName === h.ref('StreamConsumer'))!.eventSourceArn;
    for (const record of records) {
      expect(record).toMatchObject({ eventSource: 'aws:dynamodb', awsRegion: 'us-east-1', eventSourceARN: streamArn, eventVersion: '1.1' });
      expect(record.dynamodb.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
      expect(record.dynamodb.Keys).toEqual({ pk: { S: 'item-1' } });
      expect(Math.abs(record.dynamodb.ApproximateCreationDateTime - Date.now() / 1000)).toBeLessThan(30);
    }
    expect(insert!.dynamodb.NewImage).toEqual({ pk: { S: 'item-1' }, n: { N: '1' } });
    expect(insert!.dynamodb.OldImage).toBeUndefined();
    expect(modify!.dynamodb.OldImage).toEqual({ pk: { S: 'item-1' }, n: { N: '1' } });
    expect(modify!.dynamodb.NewImage).toEqual({ pk: { S: 'item-1' }, n: { N: '2' } });
    expect(remove!.dynamodb.OldImage).toEqual({ pk: { S: 'item-1' }, n: { N: '2' } });
    expect(remove!.dynamodb.NewImage).toBeUndefined();
    const sequence = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect(sequence[0]! < sequence[1]! && sequence[1]! < sequence[2]!).toBe(true);
  });

  it('bisects a batch whose invocation failed and retries each half, in order', async () => {
    await put('Items', 'flaky-1');
    await put('Items', 'calm-1');
    await eventually(() => (batchesWith('StreamConsumer', ['calm-1']).some((b) => b.length === 1) ? true : undefined));
    expect(batchesWith('StreamConsumer', ['flaky-1', 'calm-1'])).toEqual([['flaky-1', 'calm-1'], ['flaky-1'], ['calm-1']]);
  });

  it('checkpoints before the lowest sequence number a partial batch response reports, and retries from there', async () => {
    await put('Items', 'first-ok');
    await put('Items', 'partial-2');
    await put('Items', 'third-ok');
    await eventually(() => (batchesWith('StreamConsumer', ['partial-2']).length >= 2 ? true : undefined));
    expect(batchesWith('StreamConsumer', ['first-ok', 'partial-2', 'third-ok'])).toEqual([
      ['first-ok', 'partial-2', 'third-ok'],
      ['partial-2', 'third-ok'],
    ]);
  });

  it('discards a record that keeps failing after MaximumRetryAttempts, sends its metadata to OnFailure and moves on', async () => {
    await put('Items', 'boom-1');
    await put('Items', 'after-boom');
    const sent = await eventually(() => h.sent.find((m) => m.arn === h.arn('StreamFailures')));
    await eventually(() => (batchesWith('StreamConsumer', ['after-boom']).some((b) => b.length === 1) ? true : undefined));
    // Whole batch, then the first half alone (bisect), then its one retry; then the second half.
    expect(batchesWith('StreamConsumer', ['boom-1', 'after-boom'])).toEqual([['boom-1', 'after-boom'], ['boom-1'], ['boom-1'], ['after-boom']]);
    const boom = invocations.flatMap((i) => i.records).find((r) => r.dynamodb.Keys.pk!.S === 'boom-1')!;
    const record = JSON.parse(sent.body);
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: { functionArn: h.arn('StreamConsumer'), condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      DDBStreamBatchInfo: {
        startSequenceNumber: boom.dynamodb.SequenceNumber,
        endSequenceNumber: boom.dynamodb.SequenceNumber,
        batchSize: 1,
        streamArn: boom.eventSourceARN,
      },
    });
    expect(record.DDBStreamBatchInfo.shardId).toBe(invocations.find((i) => i.records.includes(boom))!.shardId);
    expect(record.DDBStreamBatchInfo.approximateArrivalOfFirstRecord).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('sends a KEYS_ONLY stream through FilterCriteria from LATEST: keys only, matching records only', async () => {
    await put('Audit', 'skip-1');
    await put('Audit', 'keep-1');
    await put('Audit', 'skip-2');
    await put('Audit', 'keep-2');
    await eventually(() => (batchesWith('AuditConsumer', ['keep-2']).length > 0 ? true : undefined));
    const records = invocations.filter((i) => i.functionName === h.ref('AuditConsumer')).flatMap((i) => i.records);
    expect(records.map((r) => r.dynamodb.Keys.pk!.S)).toEqual(['keep-1', 'keep-2']);
    for (const record of records) {
      expect(record.dynamodb.StreamViewType).toBe('KEYS_ONLY');
      expect(record.dynamodb.NewImage).toBeUndefined();
      expect(record.dynamodb.OldImage).toBeUndefined();
    }
  });

  it('resumes after its checkpoints when restarted with the same data directory', async () => {
    await sources.stop();
    const before = invocations.length;
    await put('Items', 'while-stopped');
    await put('Audit', 'keep-while-stopped');
    sources = await startSources();
    await eventually(() => (batchesWith('AuditConsumer', ['keep-while-stopped']).length > 0 && batchesWith('StreamConsumer', ['while-stopped']).length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = invocations.slice(before).flatMap((i) => i.records.map((r) => r.dynamodb.Keys.pk!.S));
    // Neither the TRIM_HORIZON mapping replays its stream nor the LATEST one skips what was written while stopped.
    expect(after.sort()).toEqual(['keep-while-stopped', 'while-stopped']);
  });
});
