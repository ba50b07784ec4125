// What the DynamoDB data source does when the condition of a PutItem, UpdateItem or
// DeleteItem fails, against DynamoDB Local. Expected behaviour from "Handling a condition
// check failure":
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
// - PutItem: the item in DynamoDB equals the one it tried to write, less equalsIgnore
//   attributes -> success, ctx.result is the item retrieved;
// - DeleteItem: no item in DynamoDB -> success;
// - UpdateItem: always follows the strategy;
// - Reject (the default): error for the mutation, with the current value (ctx.result);
// - Custom: a Lambda function answers reject, discard ("returns the value in DynamoDB") or
//   retry with a retryMapping; a failed retry follows Reject. Its payload carries arguments,
//   requestMapping, currentValue (typed, e.g. { "N": 8 }), resolver and identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConditionLambdaPayload } from '../../../local/appsync/dataSources/dynamodb';
import * as ddb from '../../../local/appsync/runtime/dynamodbModule';
import { createTestTables, type TestTables } from './dynamodbTestTables';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, any>;
const CONDITION_FAILED = {
  type: 'DynamoDB:ConditionalCheckFailedException',
  message: expect.stringMatching(/^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/),
};

let t: TestTables;

beforeAll(async () => {
  t = await createTestTables('conditions');
});

afterAll(async () => {
  await t?.drop();
});

/** The request of the documentation's example: put name and version, expecting version. */
function versionedPut(id: string, name: string, version: number, expectedVersion: number, equalsIgnore?: string[]) {
  const request = json(ddb.put({ key: { id }, item: { name, version } }));
  request.condition = {
    expression: 'version = :expectedVersion',
    expressionValues: { ':expectedVersion': { N: expectedVersion } },
    ...(equalsIgnore ? { equalsIgnore } : {}),
  };
  return request;
}

describe('Reject (no handler)', () => {
  it('a PutItem whose failed condition left the item as it would have written it succeeds with the item', async () => {
    await t.seed(t.items, { id: 'same-1', name: 'Steve', version: 2 });
    const out = await t.source(t.items).invoke(versionedPut('same-1', 'Steve', 2, 1));
    expect(out).toEqual({ result: { id: 'same-1', name: 'Steve', version: 2 } });
  });

  it('equalsIgnore leaves attributes out of that comparison (the documented version example)', async () => {
    await t.seed(t.items, { id: 'ignore-1', name: 'Steve', version: 8 });
    const out = await t.source(t.items).invoke(versionedPut('ignore-1', 'Steve', 2, 1, ['version']));
    expect(out).toEqual({ result: { id: 'ignore-1', name: 'Steve', version: 8 } });
  });

  it('a PutItem that differs fails with ctx.error and the current item in ctx.result', async () => {
    await t.seed(t.items, { id: 'diff-1', name: 'Steve', version: 8 });
    const out = await t.source(t.items).invoke(versionedPut('diff-1', 'Nadia', 2, 1));
    expect(out).toEqual({ result: { id: 'diff-1', name: 'Steve', version: 8 }, error: CONDITION_FAILED });
    expect(await t.read(t.items, { id: 'diff-1' })).toEqual({ id: 'diff-1', name: 'Steve', version: 8 });
  });

  it('a PutItem on a missing item whose condition fails is rejected with ctx.result null', async () => {
    const out = await t.source(t.items).invoke(json(ddb.put({ key: { id: 'none-1' }, item: { a: 1 }, condition: { id: { attributeExists: true } } })));
    expect(out).toEqual({ result: null, error: CONDITION_FAILED });
  });

  it('a DeleteItem whose condition fails on an item that is already gone succeeds', async () => {
    const out = await t.source(t.items).invoke(json(ddb.remove({ key: { id: 'gone-1' }, condition: { id: { attributeExists: true } } })));
    expect(out).toEqual({ result: null });
  });

  it('a DeleteItem whose condition fails on an existing item is rejected with the item', async () => {
    await t.seed(t.items, { id: 'keep-1', owner: 'ada' });
    const out = await t.source(t.items).invoke(json(ddb.remove({ key: { id: 'keep-1' }, condition: { owner: { eq: 'bob' } } })));
    expect(out).toEqual({ result: { id: 'keep-1', owner: 'ada' }, error: CONDITION_FAILED });
  });

  it('an UpdateItem whose condition fails is always rejected, with the current item', async () => {
    await t.seed(t.items, { id: 'upd-1', status: 'CLOSED' });
    const out = await t.source(t.items).invoke(json(ddb.update({ key: { id: 'upd-1' }, update: { status: 'CLOSED' }, condition: { status: { eq: 'OPEN' } } })));
    expect(out).toEqual({ result: { id: 'upd-1', status: 'CLOSED' }, error: CONDITION_FAILED });
  });

  it('an explicit Reject strategy behaves the same; a bad handler is a MappingTemplate error', async () => {
    await t.seed(t.items, { id: 'rej-1', status: 'CLOSED' });
    const request = json(ddb.update({ key: { id: 'rej-1' }, update: { status: 'X' }, condition: { status: { eq: 'OPEN' } } }));
    request.condition.conditionalCheckFailedHandler = { strategy: 'Reject' };
    expect(await t.source(t.items).invoke(request)).toEqual({ result: { id: 'rej-1', status: 'CLOSED' }, error: CONDITION_FAILED });
    request.condition.conditionalCheckFailedHandler = { strategy: 'Ignore' };
    expect((await t.source(t.items).invoke(request)).error).toMatchObject({ type: 'MappingTemplate', message: expect.stringMatching(/Custom or Reject/) });
    request.condition.conditionalCheckFailedHandler = { strategy: 'Custom' };
    expect((await t.source(t.items).invoke(request)).error).toMatchObject({ type: 'MappingTemplate', message: expect.stringMatching(/lambdaArn is required/) });
  });
});

describe('Custom', () => {
  const lambdaArn = 'arn:aws:lambda:us-east-1:000000000000:function:onConditionFailed';

  function customPut(id: string) {
    const request = versionedPut(id, 'Steve', 2, 1);
    request.condition.conditionalCheckFailedHandler = { strategy: 'Custom', lambdaArn };
    return request;
  }

  it('without a way to run Lambda functions, says so in ctx.error and keeps the current item in ctx.result', async () => {
    await t.seed(t.items, { id: 'c-none', name: 'Other', version: 8 });
    const out = await t.source(t.items).invoke(customPut('c-none'));
    expect(out.result).toEqual({ id: 'c-none', name: 'Other', version: 8 });
    expect(out.error).toEqual({ type: 'UnsupportedOperation', message: expect.stringContaining(lambdaArn) });
  });

  it('sends the documented payload and discards: success with the value in DynamoDB', async () => {
    await t.seed(t.items, { id: 'c-discard', name: 'Other', version: 8 });
    const calls: [string, ConditionLambdaPayload][] = [];
    const source = t.source(t.items, {
      region: 'us-west-2',
      conditionLambda: async (arn, payload) => {
        calls.push([arn, payload]);
        return { action: 'discard' };
      },
    });
    const request = customPut('c-discard');
    const out = await source.invoke(request, {
      field: 'updatePerson',
      arguments: { id: 'c-discard', name: 'Steve', expectedVersion: 1 },
      identity: { username: 'jeffTheAdmin' },
      resolver: { parentType: 'Mutation', field: 'updatePerson', outputType: 'Person' },
    });
    expect(out).toEqual({ result: { id: 'c-discard', name: 'Other', version: 8 } });
    expect(calls).toEqual([
      [
        lambdaArn,
        {
          arguments: { id: 'c-discard', name: 'Steve', expectedVersion: 1 },
          requestMapping: request,
          currentValue: { id: { S: 'c-discard' }, name: { S: 'Other' }, version: { N: 8 } },
          resolver: { tableName: t.items, awsRegion: 'us-west-2', parentType: 'Mutation', field: 'updatePerson', outputType: 'Person' },
          identity: { username: 'jeffTheAdmin' },
        },
      ],
    ]);
  });

  it('reject: behaves as Reject', async () => {
    await t.seed(t.items, { id: 'c-reject', name: 'Other', version: 8 });
    const source = t.source(t.items, { conditionLambda: async () => ({ action: 'reject' }) });
    expect(await source.invoke(customPut('c-reject'))).toEqual({ result: { id: 'c-reject', name: 'Other', version: 8 }, error: CONDITION_FAILED });
  });

  it('retry: writes again with the retryMapping (the documented example: take the version from the current value)', async () => {
    await t.seed(t.items, { id: 'c-retry', name: 'Other', version: 8 });
    const source = t.source(t.items, {
      conditionLambda: async (_arn, event) => {
        const current = event.currentValue as { version: { N: number } };
        const mapping = event.requestMapping as { attributeValues: Record<string, unknown>; condition: { expression: string } };
        return {
          action: 'retry',
          retryMapping: {
            attributeValues: { ...mapping.attributeValues, version: { N: current.version.N + 1 } },
            condition: { expression: mapping.condition.expression, expressionValues: { ':expectedVersion': current.version } },
          },
        };
      },
    });
    expect(await source.invoke(customPut('c-retry'))).toEqual({ result: { id: 'c-retry', name: 'Steve', version: 9 } });
    expect(await t.read(t.items, { id: 'c-retry' })).toEqual({ id: 'c-retry', name: 'Steve', version: 9 });
  });

  it('a retry that fails again follows Reject, without asking the Lambda function twice', async () => {
    await t.seed(t.items, { id: 'c-retry-fails', name: 'Other', version: 8 });
    let calls = 0;
    const source = t.source(t.items, {
      conditionLambda: async () => {
        calls += 1;
        return { action: 'retry', retryMapping: { attributeValues: { name: { S: 'Steve' }, version: { N: 3 } } } };
      },
    });
    expect(await source.invoke(customPut('c-retry-fails'))).toEqual({
      result: { id: 'c-retry-fails', name: 'Other', version: 8 },
      error: CONDITION_FAILED,
    });
    expect(calls).toBe(1);
  });

  it('a Lambda failure and an answer that is not an action are errors', async () => {
    await t.seed(t.items, { id: 'c-bad', name: 'Other', version: 8 });
    const failing = t.source(t.items, {
      conditionLambda: async () => {
        throw new Error('boom');
      },
    });
    expect((await failing.invoke(customPut('c-bad'))).error).toEqual({ type: 'Lambda:Unhandled', message: 'boom' });
    const confused = t.source(t.items, { conditionLambda: async () => ({ action: 'maybe' }) });
    expect((await confused.invoke(customPut('c-bad'))).error).toMatchObject({ type: 'MappingTemplate', message: expect.stringMatching(/reject" \| "discard" \| "retry/) });
  });
});
