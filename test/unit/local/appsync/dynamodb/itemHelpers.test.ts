// get, put and remove of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Built-in modules: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
//   ("get ... Generates a DynamoDBGetItemRequest", "put ... DynamoDBPutItemRequest",
//   "remove ... DynamoDBDeleteItemRequest"; Inputs GetInput, PutInput, RemoveInput).
// - Request shapes: GetItem, PutItem and DeleteItem pages of the JS resolver reference,
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// - Typed values as util.dynamodb.toDynamoDB writes them ({ S: "foo" }, { N: 1234 }):
//   https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
// - Projections ("#author, id" with expressionNames): 
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-projections.html
import { describe, expect, it } from 'vitest';
import { get, put, remove } from '../../../../../local/appsync/runtime/dynamodbModule';
import { readable } from './readable';

describe('get', () => {
  it('builds a GetItem request with the key typed (the module page example: get({ key: { id } }))', () => {
    expect(get({ key: { id: 'abc' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'abc' } } });
  });

  it('types string and number key attributes of a hash and sort key (RemoveInput example keys)', () => {
    expect(get({ key: { id: 1, name: 'XXXXXXXXXX' } }).key).toEqual({ id: { N: 1 }, name: { S: 'XXXXXXXXXX' } });
  });

  it('passes consistentRead through', () => {
    expect(get({ key: { id: '1' }, consistentRead: true })).toMatchObject({ consistentRead: true });
  });

  it('turns a projection list into a projection expression naming each attribute (Projections page)', () => {
    const request = get({ key: { id: '1' }, projection: ['author', 'id'] }) as { projection: Parameters<typeof readable>[0] };
    expect(readable(request.projection)).toBe('author, id');
    expect(Object.keys(request.projection)).toEqual(['expression', 'expressionNames']);
  });

  it('keeps nested paths and list indexes of a projection (batchGet type example: "nested.object[1]")', () => {
    const request = get({ key: { id: '1' }, projection: ['nested.object[1]'] }) as { projection: Parameters<typeof readable>[0] };
    expect(readable(request.projection)).toBe('nested.object[1]');
    expect(request.projection.expression).toMatch(/^#\w+\.#\w+\[1\]$/);
  });

  it('refuses a missing key, an empty key and a key attribute that is not a string or number (DynamoDBKey)', () => {
    expect(() => get({})).toThrow(/get: key must be an object/);
    expect(() => get({ key: {} })).toThrow(/get: key needs at least one key attribute/);
    expect(() => get({ key: { id: true } })).toThrow(/get: key\.id must be a string or a number/);
    expect(() => get(undefined)).toThrow(/get: its argument must be an object/);
  });
});

describe('put', () => {
  it('builds a PutItem request: key and attributeValues typed (PutItem page structure)', () => {
    expect(put({ key: { id: 'abc' }, item: { title: 'New Task', owner: 'me', isComplete: false, seats: 3 } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { title: { S: 'New Task' }, owner: { S: 'me' }, isComplete: { BOOL: false }, seats: { N: 3 } },
    });
  });

  it('writes lists as lists and objects as maps, like util.dynamodb.toMapValues', () => {
    expect(put({ key: { id: '1' }, item: { foo: 'bar', baz: 1234, beep: ['boop'] } }).attributeValues).toEqual({
      foo: { S: 'bar' },
      baz: { N: 1234 },
      beep: { L: [{ S: 'boop' }] },
    });
  });

  it('turns the condition filter into a condition expression (PutInput example: owner eq)', () => {
    const request = put({ key: { id: '1' }, item: { owner: 'u1' }, condition: { owner: { eq: 'u1' } } }) as { condition: Parameters<typeof readable>[0] };
    expect(readable(request.condition)).toBe('owner = "u1"');
  });

  it('leaves expressionValues out of a condition that binds no value', () => {
    const request = put({ key: { id: '1' }, item: {}, condition: { id: { attributeExists: false } } }) as { condition: Record<string, unknown> };
    expect(readable(request.condition as never)).toBe('attribute_not_exists(id)');
    expect(request.condition).not.toHaveProperty('expressionValues');
  });

  it('passes the conflict-detection fields through (_version, customPartitionKey, populateIndexFields)', () => {
    expect(put({ key: { id: '1' }, item: {}, _version: 3, customPartitionKey: 'cpk', populateIndexFields: true })).toMatchObject({
      _version: 3,
      customPartitionKey: 'cpk',
      populateIndexFields: true,
    });
  });

  it('leaves out a null or empty condition', () => {
    expect(put({ key: { id: '1' }, item: {}, condition: null })).not.toHaveProperty('condition');
    expect(put({ key: { id: '1' }, item: {}, condition: {} })).not.toHaveProperty('condition');
  });

  it('needs an item (PutInput: item is required)', () => {
    expect(() => put({ key: { id: '1' } })).toThrow(/put: item must be an object/);
  });
});

describe('remove', () => {
  it('builds a DeleteItem request (the module page example: remove({ key: { id } }))', () => {
    expect(remove({ key: { id: 'abc' } })).toEqual({ operation: 'DeleteItem', key: { id: { S: 'abc' } } });
  });

  it('adds the condition of the RemoveInput example (owner eq the caller)', () => {
    const request = remove({ key: { id: 'XXXXXXXXXXXXXXXX' }, condition: { owner: { eq: 'XXXXXXXXXXXXXXXX' } } }) as {
      condition: Parameters<typeof readable>[0];
    };
    expect(readable(request.condition)).toBe('owner = "XXXXXXXXXXXXXXXX"');
  });

  it('refuses a condition that is not an object', () => {
    expect(() => remove({ key: { id: '1' }, condition: 'owner = :x' })).toThrow(/remove: condition must be an object/);
  });
});
