// The DynamoDB data source against DynamoDB Local, driven with request objects built by the
// @aws-appsync/utils/dynamodb helpers (serialised to JSON on the way, as every value that
// crosses a handler boundary is). Expected ctx.result and ctx.error shapes come from:
// - GetItem/PutItem/UpdateItem/DeleteItem: "automatically converted into GraphQL and JSON
//   primitive types and ... available in the context result":
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// - Type system (response mapping) (N -> number, SS -> list of strings, ...):
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-typed-values-responses.html
// - Query/Scan results { items, nextToken, scannedCount }; tokens "can't be used across
//   different functions or resolvers":
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html
// - Errors: ctx.error { message, type } with type "DynamoDB:<exception>" and a message such as
//   "The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: ...)"
//   (https://github.com/aws/aws-appsync-community/issues/343); a request element AppSync does
//   not know: "Unsupported element '$[...]'." (https://github.com/aws/aws-appsync-community/issues/110).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ddb from '../../../local/appsync/runtime/dynamodbModule';
import { createTestTables, type TestTables } from './dynamodbTestTables';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

let t: TestTables;

beforeAll(async () => {
  t = await createTestTables('single');
});

afterAll(async () => {
  await t?.drop();
});

describe('GetItem, PutItem, UpdateItem, DeleteItem', () => {
  it('PutItem gives back the item written (key and attributes) as plain JSON', async () => {
    const out = await t.source(t.items).invoke(json(ddb.put({ key: { id: 'put-1' }, item: { title: 'Hi', seats: 3, tags: ddb.toStringSet(['a']) } })));
    expect(out).toEqual({ result: { id: 'put-1', title: 'Hi', seats: 3, tags: ['a'] } });
    expect(await t.read(t.items, { id: 'put-1' })).toEqual({ id: 'put-1', title: 'Hi', seats: 3, tags: new Set(['a']) });
  });

  it('GetItem gives the item, null when there is none, and only the projected attributes when asked', async () => {
    await t.seed(t.items, { id: 'get-1', title: 'T', nested: { a: 1, b: 2 } });
    const source = t.source(t.items);
    expect(await source.invoke(json(ddb.get({ key: { id: 'get-1' }, consistentRead: true })))).toEqual({
      result: { id: 'get-1', title: 'T', nested: { a: 1, b: 2 } },
    });
    expect(await source.invoke(json(ddb.get({ key: { id: 'get-missing' } })))).toEqual({ result: null });
    expect(await source.invoke(json(ddb.get({ key: { id: 'get-1' }, projection: ['title', 'nested.b'] })))).toEqual({
      result: { title: 'T', nested: { b: 2 } },
    });
  });

  it('UpdateItem runs every operation of the module on DynamoDB Local and gives the item after the update', async () => {
    await t.seed(t.items, { id: 'upd-1', count: 5, list: [1, 2, 3], old: 'x', info: { city: 'Lyon', zip: '69001' }, score: 1 });
    const o = ddb.operations;
    const out = await t.source(t.items).invoke(
      json(
        ddb.update({
          key: { id: 'upd-1' },
          update: {
            count: o.increment(2),
            list: [o.updateListItem(20, 1)],
            old: o.remove(),
            info: { city: 'Paris' },
            score: o.add(10),
            tags: o.add(ddb.toStringSet(['x'])),
            title: o.replace('New'),
          },
        }),
      ),
    );
    expect(out).toEqual({
      result: { id: 'upd-1', count: 7, list: [1, 20, 3], info: { city: 'Paris', zip: '69001' }, score: 11, tags: ['x'], title: 'New' },
    });
    const appended = await t.source(t.items).invoke(json(ddb.update({ key: { id: 'upd-1' }, update: { list: o.append([4]), count: o.decrement(7) } })));
    expect(appended.result).toMatchObject({ list: [1, 20, 3, 4], count: 0 });
    const prepended = await t.source(t.items).invoke(json(ddb.update({ key: { id: 'upd-1' }, update: { list: o.prepend([0]) } })));
    expect(prepended.result).toMatchObject({ list: [0, 1, 20, 3, 4] });
  });

  it('DeleteItem gives the item deleted, and null when there was none', async () => {
    await t.seed(t.items, { id: 'del-1', title: 'bye' });
    const source = t.source(t.items);
    expect(await source.invoke(json(ddb.remove({ key: { id: 'del-1' } })))).toEqual({ result: { id: 'del-1', title: 'bye' } });
    expect(await source.invoke(json(ddb.remove({ key: { id: 'del-1' } })))).toEqual({ result: null });
  });
});

describe('Query and Scan', () => {
  beforeAll(async () => {
    for (let sk = 1; sk <= 5; sk += 1) await t.seed(t.sorted, { pk: 'q', sk, owner: sk % 2 ? 'odd' : 'even', title: `t${sk}` });
  });

  it('Query gives { items, nextToken, scannedCount } and pages with the nextToken it returned', async () => {
    const source = t.source(t.sorted);
    const first = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' }, sk: { ge: 2 } }, limit: 2 })));
    expect(first.error).toBeUndefined();
    const page1 = first.result as { items: { sk: number }[]; nextToken: string; scannedCount: number };
    expect(page1.items.map((i) => i.sk)).toEqual([2, 3]);
    expect(page1.scannedCount).toBe(2);
    expect(typeof page1.nextToken).toBe('string');
    const second = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' }, sk: { ge: 2 } }, limit: 2, nextToken: page1.nextToken })));
    expect((second.result as { items: { sk: number }[] }).items.map((i) => i.sk)).toEqual([4, 5]);
    const last = second.result as { nextToken: string };
    const third = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' }, sk: { ge: 2 } }, limit: 2, nextToken: last.nextToken })));
    expect(third.result).toEqual({ items: [], nextToken: null, scannedCount: 0 });
  });

  it('Query filters after reading (scannedCount counts before the filter), reads backwards, and queries an index', async () => {
    const source = t.source(t.sorted);
    const filtered = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' } }, filter: { title: { beginsWith: 't4' } } })));
    expect(filtered.result).toEqual({ items: [{ pk: 'q', sk: 4, owner: 'even', title: 't4' }], nextToken: null, scannedCount: 5 });
    const backwards = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' } }, scanIndexForward: false, projection: ['sk'] })));
    expect((backwards.result as { items: unknown[] }).items).toEqual([{ sk: 5 }, { sk: 4 }, { sk: 3 }, { sk: 2 }, { sk: 1 }]);
    const byOwner = await source.invoke(json(ddb.query({ index: 'byOwner', query: { owner: { eq: 'even' } } })));
    expect((byOwner.result as { items: { sk: number }[] }).items.map((i) => i.sk)).toEqual([2, 4]);
  });

  it('refuses a nextToken issued for another query (index) and a token it never issued', async () => {
    const source = t.source(t.sorted);
    const page = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' } }, limit: 1 })));
    const token = (page.result as { nextToken: string }).nextToken;
    const other = await source.invoke(json(ddb.query({ index: 'byOwner', query: { owner: { eq: 'odd' } }, nextToken: token })));
    expect(other.error?.message).toMatch(/nextToken is invalid/);
    const forged = await source.invoke(json(ddb.query({ query: { pk: { eq: 'q' } }, nextToken: 'not-a-token' })));
    expect(forged.error?.message).toMatch(/nextToken is invalid/);
  });

  it('Scan reads the whole table, with a filter and in parallel segments', async () => {
    const source = t.source(t.sorted);
    const all = await source.invoke(json(ddb.scan({ filter: { owner: { eq: 'odd' } } })));
    expect((all.result as { items: { sk: number }[] }).items.map((i) => i.sk).sort()).toEqual([1, 3, 5]);
    const segments = await Promise.all([0, 1].map((segment) => source.invoke(json(ddb.scan({ totalSegments: 2, segment })))));
    const count = segments.reduce((n, s) => n + (s.result as { items: unknown[] }).items.length, 0);
    expect(count).toBe(5);
  });

  it('Sync is refused with a clear error: the local AppSync has no versioned data sources', async () => {
    const out = await t.source(t.sorted).invoke(json(ddb.sync({ limit: 10 })));
    expect(out.result).toBeNull();
    expect(out.error).toEqual({ type: 'UnsupportedOperation', message: expect.stringMatching(/Sync needs a versioned DynamoDB data source/) });
  });
});

describe('errors', () => {
  it('a DynamoDB error becomes ctx.error with type DynamoDB:<exception> and the service suffix in the message', async () => {
    // The key of t.items is a string; a number key is DynamoDB's ValidationException.
    const out = await t.source(t.items).invoke(json(ddb.get({ key: { id: 1 } })));
    expect(out.result).toBeNull();
    expect(out.error?.type).toBe('DynamoDB:ValidationException');
    expect(out.error?.message).toMatch(/\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/);
  });

  it('an element the operation does not have is a MappingTemplate error naming it', async () => {
    const out = await t.source(t.items).invoke({
      operation: 'UpdateItem',
      key: { id: { S: 'x' } },
      update: { expression: 'SET a = :a', expressionValues: { ':a': { N: 1 } } },
      condition: { expression: 'attribute_exists(id)', returnValuesOnConditionCheckFailure: false },
    });
    expect(out).toEqual({
      result: null,
      error: { type: 'MappingTemplate', message: "Unsupported element '$[condition][returnValuesOnConditionCheckFailure]'." },
    });
  });

  it('a missing operation, a missing key and an untyped value are MappingTemplate errors', async () => {
    const source = t.source(t.items);
    expect((await source.invoke({ key: { id: { S: 'x' } } })).error).toMatchObject({ type: 'MappingTemplate', message: expect.stringMatching(/Unsupported operation/) });
    expect((await source.invoke({ operation: 'GetItem' })).error).toMatchObject({ type: 'MappingTemplate', message: "Missing required element '$[key]' for GetItem." });
    expect((await source.invoke({ operation: 'GetItem', key: { id: 'x' } })).error).toMatchObject({
      type: 'MappingTemplate',
      message: expect.stringMatching(/not a DynamoDB typed value/),
    });
  });
});
