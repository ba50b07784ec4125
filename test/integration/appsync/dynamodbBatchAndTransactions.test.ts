// Batch and transaction requests of the DynamoDB data source against DynamoDB Local.
// Expected ctx.result shapes:
// - BatchGetItem: data per table in request key order, null where an item was not retrieved;
//   unprocessedKeys per table; "data, unprocessedKeys, and each table key ... are guaranteed
//   to be present": https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
// - BatchPutItem: data (items written, in order) and unprocessedItems:
//   https://docs.aws.amazon.com/appsync/latest/eventapi/dynamodb-batchputitem.html
// - BatchDeleteItem: data (keys deleted) and unprocessedKeys:
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
// - TransactGetItems: { items (null where none), cancellationReasons: null }:
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
// - TransactWriteItems: { keys, cancellationReasons }; on TransactionCanceledException ctx.error
//   is set and cancellationReasons has { type, message } per item in order, with the existing
//   `item` when a condition failed unless returnValuesOnConditionCheckFailure is false:
//   https://docs.aws.amazon.com/appsync/latest/eventapi/dynamodb-transactwriteitems.html
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ddb from '../../../local/appsync/runtime/dynamodbModule';
import { createTestTables, type TestTables } from './dynamodbTestTables';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, any>;

let t: TestTables;

beforeAll(async () => {
  t = await createTestTables('batch');
});

afterAll(async () => {
  await t?.drop();
});

describe('BatchPutItem, BatchGetItem, BatchDeleteItem', () => {
  it('puts across two tables and gives the items back per table, in request order', async () => {
    const out = await t.source(t.items).invoke(
      json(
        ddb.batchPut({
          tables: {
            [t.items]: [
              { id: 'b1', title: 'one' },
              { id: 'b2', title: 'two' },
            ],
            [t.sorted]: [{ pk: 'b', sk: 1, owner: 'ada' }],
          },
        }),
      ),
    );
    expect(out).toEqual({
      result: {
        data: { [t.items]: [{ id: 'b1', title: 'one' }, { id: 'b2', title: 'two' }], [t.sorted]: [{ pk: 'b', sk: 1, owner: 'ada' }] },
        unprocessedItems: { [t.items]: [], [t.sorted]: [] },
      },
    });
  });

  it('gets in request key order with null for a missing item, and keeps positions under a projection without the key', async () => {
    const out = await t.source(t.items).invoke(
      json(
        ddb.batchGet({
          tables: {
            [t.items]: { keys: [{ id: 'b2' }, { id: 'missing' }, { id: 'b1' }], consistentRead: true, projection: ['title'] },
            [t.sorted]: { keys: [{ pk: 'b', sk: 1 }] },
          },
        }),
      ),
    );
    expect(out).toEqual({
      result: {
        data: { [t.items]: [{ title: 'two' }, null, { title: 'one' }], [t.sorted]: [{ pk: 'b', sk: 1, owner: 'ada' }] },
        unprocessedKeys: { [t.items]: [], [t.sorted]: [] },
      },
    });
  });

  it('deletes and gives the keys back', async () => {
    const out = await t.source(t.items).invoke(json(ddb.batchDelete({ tables: { [t.items]: [{ id: 'b1' }, { id: 'b2' }] } })));
    expect(out).toEqual({ result: { data: { [t.items]: [{ id: 'b1' }, { id: 'b2' }] }, unprocessedKeys: { [t.items]: [] } } });
    expect(await t.read(t.items, { id: 'b1' })).toBeUndefined();
  });

  it('a failed batch sets ctx.error and reports every key as unprocessed, null in data', async () => {
    const out = await t.source(t.items).invoke(json(ddb.batchGet({ tables: { 'no-such-table-xyz': { keys: [{ id: 'a' }, { id: 'b' }] } } })));
    expect(out.error?.type).toBe('DynamoDB:ResourceNotFoundException');
    expect(out.result).toEqual({ data: { 'no-such-table-xyz': [null, null] }, unprocessedKeys: { 'no-such-table-xyz': [{ id: 'a' }, { id: 'b' }] } });
  });
});

describe('TransactGetItems', () => {
  it('gives the items in request order, null where there is none, and cancellationReasons null', async () => {
    await t.seed(t.items, { id: 'tg1', title: 'one', body: 'long' });
    const out = await t.source(t.items).invoke(
      json(
        ddb.transactGet({
          items: [
            { table: t.items, key: { id: 'tg1' }, projection: ['title'] },
            { table: t.items, key: { id: 'tg-missing' } },
          ],
        }),
      ),
    );
    expect(out).toEqual({ result: { items: [{ title: 'one' }, null], cancellationReasons: null } });
  });
});

describe('TransactWriteItems', () => {
  it('writes all items and gives their keys in request order', async () => {
    await t.seed(t.items, { id: 'tw-upd', n: 1 });
    await t.seed(t.items, { id: 'tw-del' });
    await t.seed(t.sorted, { pk: 'tw', sk: 1, owner: 'ada', status: 'OPEN' });
    const out = await t.source(t.items).invoke(
      json(
        ddb.transactWrite({
          items: [
            { putItem: { table: t.items, key: { id: 'tw-put' }, item: { title: 'new' }, condition: { id: { attributeExists: false } } } },
            { updateItem: { table: t.items, key: { id: 'tw-upd' }, update: { n: ddb.operations.increment(1) } } },
            { deleteItem: { table: t.items, key: { id: 'tw-del' } } },
            { conditionCheck: { table: t.sorted, key: { pk: 'tw', sk: 1 }, condition: { status: { eq: 'OPEN' } } } },
          ],
        }),
      ),
    );
    expect(out).toEqual({
      result: { keys: [{ id: 'tw-put' }, { id: 'tw-upd' }, { id: 'tw-del' }, { pk: 'tw', sk: 1 }], cancellationReasons: null },
    });
    expect(await t.read(t.items, { id: 'tw-upd' })).toEqual({ id: 'tw-upd', n: 2 });
  });

  it('a failed condition cancels everything: ctx.error, keys null, a reason per item with the existing item', async () => {
    await t.seed(t.items, { id: 'tx-a', owner: 'ada' });
    const out = await t.source(t.items).invoke(
      json(
        ddb.transactWrite({
          items: [
            { putItem: { table: t.items, key: { id: 'tx-new' }, item: { title: 'never' } } },
            { deleteItem: { table: t.items, key: { id: 'tx-a' }, condition: { owner: { eq: 'bob' } } } },
          ],
        }),
      ),
    );
    expect(out.error).toEqual({
      type: 'DynamoDB:TransactionCanceledException',
      message: expect.stringMatching(/^Transaction cancelled.*\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/),
    });
    expect(out.result).toEqual({
      keys: null,
      cancellationReasons: [
        { type: 'None', message: 'None' },
        { type: 'ConditionalCheckFailed', message: expect.any(String), item: { id: 'tx-a', owner: 'ada' } },
      ],
    });
    expect(await t.read(t.items, { id: 'tx-new' })).toBeUndefined();
  });

  it('returnValuesOnConditionCheckFailure false leaves the existing item out of the reason', async () => {
    await t.seed(t.items, { id: 'tx-b', owner: 'ada' });
    const request = json(ddb.transactWrite({ items: [{ deleteItem: { table: t.items, key: { id: 'tx-b' }, condition: { owner: { eq: 'bob' } } } }] }));
    request.transactItems[0].condition.returnValuesOnConditionCheckFailure = false;
    const out = await t.source(t.items).invoke(request);
    expect(out.result).toEqual({ keys: null, cancellationReasons: [{ type: 'ConditionalCheckFailed', message: expect.any(String) }] });
  });

  it('a hand-written condition without returnValuesOnConditionCheckFailure returns the existing item too', async () => {
    await t.seed(t.items, { id: 'tx-c', owner: 'ada' });
    const out = await t.source(t.items).invoke({
      operation: 'TransactWriteItems',
      transactItems: [{ table: t.items, operation: 'ConditionCheck', key: { id: { S: 'tx-c' } }, condition: { expression: 'attribute_not_exists(id)' } }],
    });
    expect(out.result).toEqual({ keys: null, cancellationReasons: [{ type: 'ConditionalCheckFailed', message: expect.any(String), item: { id: 'tx-c', owner: 'ada' } }] });
  });

  it('a ConditionCheck without a condition is a MappingTemplate error', async () => {
    const out = await t.source(t.items).invoke({ operation: 'TransactWriteItems', transactItems: [{ table: t.items, operation: 'ConditionCheck', key: { id: { S: 'x' } } }] });
    expect(out).toEqual({ result: null, error: { type: 'MappingTemplate', message: "Missing required element '$[transactItems][0][condition]' for TransactWriteItems." } });
  });
});
