// Rules of the DynamoDB data source that need no DynamoDB:
// - the comparison behind a failed PutItem condition ("compares the current value against
//   the one it attempted to write, excluding any attributes listed in equalsIgnore"):
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
//   (DynamoDB numbers are numbers whatever their spelling; sets have no order:
//   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html)
// - elements AppSync does not know are refused as "Unsupported element '$[...]'."
//   (https://github.com/aws/aws-appsync-community/issues/110), on the request shapes of
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// - pagination tokens "can't be used across different functions or resolvers"
//   (https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html).
import { describe, expect, it } from 'vitest';
import { sameItem } from '../../../../../local/appsync/dataSources/dynamodbItemEquality';
import { checkRequestShape } from '../../../../../local/appsync/dataSources/dynamodbRequestShape';
import { decodeNextToken, encodeNextToken } from '../../../../../local/appsync/dataSources/nextToken';

describe('item comparison after a failed PutItem condition', () => {
  it('treats equal numbers and sets in another order as equal', () => {
    expect(sameItem({ n: { N: '1' }, s: { SS: ['a', 'b'] } }, { n: { N: '1.0' }, s: { SS: ['b', 'a'] } })).toBe(true);
  });

  it('sees a different value, a missing attribute and an extra attribute', () => {
    expect(sameItem({ a: { S: 'x' } }, { a: { S: 'y' } })).toBe(false);
    expect(sameItem({ a: { S: 'x' }, b: { N: '1' } }, { a: { S: 'x' } })).toBe(false);
    expect(sameItem({ a: { S: 'x' } }, { a: { S: 'x' }, b: { N: '1' } })).toBe(false);
    expect(sameItem({ a: { N: '1' } }, { a: { S: '1' } })).toBe(false);
  });

  it('leaves equalsIgnore attributes out (the documented version example)', () => {
    expect(sameItem({ id: { S: '1' }, name: { S: 'Steve' }, version: { N: '2' } }, { id: { S: '1' }, name: { S: 'Steve' }, version: { N: '8' } }, ['version'])).toBe(true);
  });

  it('compares nested lists and maps', () => {
    expect(sameItem({ m: { M: { l: { L: [{ N: '1' }, { S: 'x' }] } } } }, { m: { M: { l: { L: [{ N: '1' }, { S: 'x' }] } } } })).toBe(true);
    expect(sameItem({ m: { M: { l: { L: [{ N: '1' }] } } } }, { m: { M: { l: { L: [{ N: '2' }] } } } })).toBe(false);
  });
});

describe('request shape', () => {
  it('accepts every documented element and the legacy version field', () => {
    expect(() =>
      checkRequestShape({
        version: '2018-05-29',
        operation: 'PutItem',
        key: {},
        attributeValues: {},
        condition: { expression: 'x', equalsIgnore: [], consistentRead: false, conditionalCheckFailedHandler: { strategy: 'Reject' } },
        _version: 1,
      }),
    ).not.toThrow();
  });

  it('names the first element it does not know, nested ones by their path', () => {
    expect(() => checkRequestShape({ operation: 'GetItem', key: {}, hasCustomPartitionKey: true })).toThrow("Unsupported element '$[hasCustomPartitionKey]'.");
    expect(() => checkRequestShape({ operation: 'PutItem', key: {}, condition: { expression: 'x', returnValuesOnConditionCheckFailure: false } })).toThrow(
      "Unsupported element '$[condition][returnValuesOnConditionCheckFailure]'.",
    );
    expect(() => checkRequestShape({ operation: 'TransactWriteItems', transactItems: [{ table: 't', operation: 'DeleteItem', key: {}, update: {} }] })).toThrow(
      "Unsupported element '$[transactItems][0][update]'.",
    );
  });

  it('refuses an operation the data source does not have', () => {
    expect(() => checkRequestShape({ operation: 'Invoke' })).toThrow(/Unsupported operation 'Invoke'/);
  });
});

describe('nextToken', () => {
  it('round-trips DynamoDB keys, binary ones included, within the query that issued them', () => {
    const key = { pk: { S: 'a' }, sk: { N: '2' }, b: { B: new Uint8Array([1, 2]) } };
    const token = encodeNextToken(key, 'Query|t|')!;
    expect(decodeNextToken(token, 'Query|t|')).toEqual({ pk: { S: 'a' }, sk: { N: '2' }, b: { B: Buffer.from([1, 2]) } });
  });

  it('is null on the last page and refused by another query', () => {
    expect(encodeNextToken(undefined, 'Query|t|')).toBeNull();
    const token = encodeNextToken({ pk: { S: 'a' } }, 'Query|t|')!;
    expect(() => decodeNextToken(token, 'Query|t|gsi')).toThrow(/issued for another query or scan/);
    expect(() => decodeNextToken('garbage', 'Query|t|')).toThrow(/nextToken is invalid/);
  });
});
