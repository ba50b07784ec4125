// query, scan and sync of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Built-in modules (query/scan/sync, QueryInput: "the condition for a partition key should be
//   an equality and the sort key a comparison or a beginsWith"; ScanInput; DynamoDBSyncInput):
//   https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
// - Query, Scan and Sync request shapes:
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
// - Filter objects as util.transform.toDynamoDBFilterExpression turns them into expressions
//   ({ title: { contains: "Hello World" } } -> contains(#title, :title_contains)):
//   https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
import { describe, expect, it } from 'vitest';
import { query, scan, sync } from '../../../../../local/appsync/runtime/dynamodbModule';
import { readable } from './readable';

type Part = Parameters<typeof readable>[0];

describe('query', () => {
  it('builds a Query request from the key condition (type definition example: query({ query: { id: { eq } } }))', () => {
    const request = query({ query: { id: { eq: 'a1' } } }) as { operation: string; query: Part };
    expect(request.operation).toBe('Query');
    expect(readable(request.query)).toBe('id = "a1"');
  });

  it('combines the partition key equality with a sort key comparison (QueryInput example: name eq, age gt)', () => {
    const request = query({ query: { name: { eq: 'John' }, age: { gt: 20 } } }) as { query: Part };
    expect(readable(request.query)).toBe('name = "John" AND age > 20');
  });

  it('supports between and beginsWith on the sort key', () => {
    expect(readable((query({ query: { pk: { eq: 'p' }, sk: { between: [1, 9] } } }) as { query: Part }).query)).toBe('pk = "p" AND sk BETWEEN 1 AND 9');
    expect(readable((query({ query: { pk: { eq: 'p' }, sk: { beginsWith: 'EVENT#' } } }) as { query: Part }).query)).toBe(
      'pk = "p" AND begins_with(sk, "EVENT#")',
    );
  });

  it('passes index, limit, nextToken, scanIndexForward, consistentRead and select through', () => {
    expect(
      query({
        query: { pk: { eq: 'a' } },
        index: 'gsi1',
        limit: 5,
        nextToken: 't',
        scanIndexForward: false,
        consistentRead: true,
        select: 'ALL_ATTRIBUTES',
      }),
    ).toMatchObject({ index: 'gsi1', limit: 5, nextToken: 't', scanIndexForward: false, consistentRead: true, select: 'ALL_ATTRIBUTES' });
  });

  it('leaves out options given as null (a missing nextToken on the first page)', () => {
    expect(query({ query: { pk: { eq: 'a' } }, nextToken: null, limit: null, index: null })).toEqual({
      operation: 'Query',
      query: expect.any(Object),
    });
  });

  it('adds the filter and projection', () => {
    const request = query({ query: { pk: { eq: 'a' } }, filter: { title: { contains: 'Hello World' } }, projection: ['id', 'title'] }) as {
      filter: Part;
      projection: Part;
    };
    expect(readable(request.filter)).toBe('contains(title, "Hello World")');
    expect(readable(request.projection)).toBe('id, title');
  });

  it('refuses operators a key condition cannot use, a missing query and a wrong select', () => {
    expect(() => query({ query: { pk: { ne: 'a' } } })).toThrow(/query: query: Operator ne is not allowed/);
    expect(() => query({})).toThrow(/query: query must be an object/);
    expect(() => query({ query: {} })).toThrow(/query needs the partition key/);
    expect(() => query({ query: { pk: { eq: 'a' } }, select: 'EVERYTHING' })).toThrow(/select must be one of ALL_ATTRIBUTES/);
    expect(() => query({ query: { pk: { eq: 'a' } }, limit: '10' })).toThrow(/query: limit must be a number/);
  });
});

describe('scan', () => {
  it('builds a Scan request (Scan page example 1: { operation: "Scan" } returns every entry)', () => {
    expect(scan({})).toEqual({ operation: 'Scan' });
  });

  it('passes limit and nextToken (module page example: scan({ limit, nextToken }))', () => {
    expect(scan({ limit: 10, nextToken: 'abc' })).toEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
  });

  it('filters like Scan page example 2 (beginsWith on the title)', () => {
    const request = scan({ filter: { title: { beginsWith: 'Hello' } } }) as { filter: Part };
    expect(readable(request.filter)).toBe('begins_with(title, "Hello")');
  });

  it('passes the parallel scan fields (totalSegments, segment) and the index', () => {
    expect(scan({ totalSegments: 4, segment: 1, index: 'gsi', consistentRead: true })).toEqual({
      operation: 'Scan',
      totalSegments: 4,
      segment: 1,
      index: 'gsi',
      consistentRead: true,
    });
  });
});

describe('sync', () => {
  it('builds a Sync request (module page example: sync({ limit, nextToken, lastSync }))', () => {
    expect(sync({ limit: 10, nextToken: 'abc', lastSync: 1550000000000 })).toEqual({
      operation: 'Sync',
      limit: 10,
      nextToken: 'abc',
      lastSync: 1550000000000,
    });
  });

  it('passes basePartitionKey, deltaIndexName and a filter', () => {
    const request = sync({ basePartitionKey: 'bpk', deltaIndexName: 'delta', filter: { a: { eq: 1 } } }) as { filter: Part };
    expect(request).toMatchObject({ operation: 'Sync', basePartitionKey: 'bpk', deltaIndexName: 'delta' });
    expect(readable(request.filter)).toBe('a = 1');
  });
});
