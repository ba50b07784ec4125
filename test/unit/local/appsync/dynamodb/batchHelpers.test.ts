// batchGet, batchPut and batchDelete of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Type definitions with their examples (node_modules/@aws-appsync/utils/lib/dynamodb-helpers.d.ts:
//   batchGet({ tables: { post: { keys: [{id:'1'},{id:'2'},{id:'3'}], consistentRead: false,
//   projection: ['id', 'name', 'nested.object[1]'] } } }), batchPut, batchDelete).
// - AppSync Events built-in module page (batchGet/batchPut/batchDelete "generate a
//   DynamoDBBatch*Request"): https://docs.aws.amazon.com/appsync/latest/eventapi/built-in-modules.html
// - Request shapes: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
import { describe, expect, it } from 'vitest';
import { batchDelete, batchGet, batchPut } from '../../../../../local/appsync/runtime/dynamodbModule';
import { readable } from './readable';

describe('batchGet', () => {
  it('builds a BatchGetItem request per table with typed keys (type definition example)', () => {
    const request = batchGet({
      tables: { post: { keys: [{ id: '1' }, { id: '2' }, { id: '3' }], consistentRead: false, projection: ['id', 'name', 'nested.object[1]'] } },
    }) as { operation: string; tables: { post: { keys: unknown[]; consistentRead: boolean; projection: Parameters<typeof readable>[0] } } };
    expect(request.operation).toBe('BatchGetItem');
    expect(request.tables.post.keys).toEqual([{ id: { S: '1' } }, { id: { S: '2' } }, { id: { S: '3' } }]);
    expect(request.tables.post.consistentRead).toBe(false);
    expect(readable(request.tables.post.projection)).toBe('id, name, nested.object[1]');
  });

  it('leaves consistentRead and projection out when not given', () => {
    expect(batchGet({ tables: { authors: { keys: [{ authorId: 'a1' }] } } })).toEqual({
      operation: 'BatchGetItem',
      tables: { authors: { keys: [{ authorId: { S: 'a1' } }] } },
    });
  });

  it('refuses no tables, a table without keys and a key of the wrong type', () => {
    expect(() => batchGet({ tables: {} })).toThrow(/batchGet: tables needs at least one table/);
    expect(() => batchGet({ tables: { post: { keys: [] } } })).toThrow(/batchGet: tables\.post\.keys needs at least one entry/);
    expect(() => batchGet({ tables: { post: { keys: [{ id: null }] } } })).toThrow(/tables\.post\.keys\[0\]\.id must be a string or a number/);
  });
});

describe('batchPut', () => {
  it('builds a BatchPutItem request of typed items per table (type definition example)', () => {
    expect(
      batchPut({ tables: { post: [{ id: 'one', value: 'x' }, { id: 'two', value: 'y' }], comment: [{ id: 'one', comment: 'x', text: 'something' }] } }),
    ).toEqual({
      operation: 'BatchPutItem',
      tables: {
        post: [
          { id: { S: 'one' }, value: { S: 'x' } },
          { id: { S: 'two' }, value: { S: 'y' } },
        ],
        comment: [{ id: { S: 'one' }, comment: { S: 'x' }, text: { S: 'something' } }],
      },
    });
  });

  it('refuses a table given as something other than a list of items', () => {
    expect(() => batchPut({ tables: { post: { id: 'one' } } })).toThrow(/batchPut: tables\.post must be an array/);
  });
});

describe('batchDelete', () => {
  it('builds a BatchDeleteItem request of typed keys per table (type definition example)', () => {
    expect(batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }, { id: 'three' }], comment: [{ id: 'one', comment: 'x' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: {
        post: [{ id: { S: 'one' } }, { id: { S: 'two' } }, { id: { S: 'three' } }],
        comment: [{ id: { S: 'one' }, comment: { S: 'x' } }],
      },
    });
  });
});
