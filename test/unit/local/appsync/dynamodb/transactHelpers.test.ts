// transactGet and transactWrite of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Type definitions with their examples (node_modules/@aws-appsync/utils/lib/dynamodb-helpers.d.ts:
//   transactGet({ items: [{ table: 'post', key: {id:'1'}, projection: ['name'] }, ...] }) and
//   transactWrite with putItem, deleteItem, updateItem and conditionCheck items), and the
//   request types in resolver-return-types.d.ts (TransactConditionCheckExpression has a
//   required returnValuesOnConditionCheckFailure).
// - Request shapes: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
//   https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// - "For ConditionCheck, the transaction condition expression is required":
//   https://docs.aws.amazon.com/appsync/latest/eventapi/dynamodb-transaction-condition-expressions.html
import { describe, expect, it } from 'vitest';
import { operations, transactGet, transactWrite } from '../../../../../local/appsync/runtime/dynamodbModule';
import { readable, updateClauses } from './readable';

type Part = Parameters<typeof readable>[0];

describe('transactGet', () => {
  it('builds a TransactGetItems request with table, typed key and projection per item (type definition example)', () => {
    const request = transactGet({
      items: [
        { table: 'post', key: { id: '1' }, projection: ['name'] },
        { table: 'post', key: { id: '2' } },
      ],
    }) as { operation: string; transactItems: { table: string; key: unknown; projection?: Part }[] };
    expect(request.operation).toBe('TransactGetItems');
    expect(request.transactItems.map((i) => [i.table, i.key])).toEqual([
      ['post', { id: { S: '1' } }],
      ['post', { id: { S: '2' } }],
    ]);
    expect(readable(request.transactItems[0].projection!)).toBe('name');
    expect(request.transactItems[1]).not.toHaveProperty('projection');
  });

  it('refuses an empty item list and an item without a table', () => {
    expect(() => transactGet({ items: [] })).toThrow(/transactGet: items needs at least one entry/);
    expect(() => transactGet({ items: [{ key: { id: '1' } }] })).toThrow(/items\[0\]\.table must be a table name/);
  });
});

describe('transactWrite', () => {
  it('turns putItem, deleteItem, updateItem and conditionCheck into request items (type definition example)', () => {
    const request = transactWrite({
      items: [
        { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' } } },
        { deleteItem: { table: 'post', key: { id: '2' } } },
        { updateItem: { table: 'post', key: { id: '3' }, update: { views: operations.increment(1) } } },
        { conditionCheck: { table: 'post', key: { id: '4' }, condition: { status: { eq: 'OPEN' } } } },
      ],
    }) as { operation: string; transactItems: Record<string, any>[] };
    expect(request.operation).toBe('TransactWriteItems');
    const [putItem, deleteItem, updateItem, conditionCheck] = request.transactItems;
    expect(putItem).toEqual({ table: 'post', operation: 'PutItem', key: { id: { S: '1' } }, attributeValues: { title: { S: 't' } } });
    expect(deleteItem).toEqual({ table: 'post', operation: 'DeleteItem', key: { id: { S: '2' } } });
    expect(updateItem).toMatchObject({ table: 'post', operation: 'UpdateItem', key: { id: { S: '3' } } });
    expect(updateClauses(updateItem.update)).toEqual({ SET: ['views = views + 1'] });
    expect(conditionCheck).toMatchObject({ table: 'post', operation: 'ConditionCheck', key: { id: { S: '4' } } });
    expect(readable(conditionCheck.condition)).toBe('status = "OPEN"');
  });

  it('gives each condition returnValuesOnConditionCheckFailure, as TransactConditionCheckExpression requires', () => {
    const request = transactWrite({ items: [{ deleteItem: { table: 't', key: { id: '2' }, condition: { owner: { eq: 'me' } } } }] }) as unknown as {
      transactItems: { condition: Part & { returnValuesOnConditionCheckFailure: boolean } }[];
    };
    expect(request.transactItems[0].condition.returnValuesOnConditionCheckFailure).toBe(true);
    expect(readable(request.transactItems[0].condition)).toBe('owner = "me"');
  });

  it('requires a condition on conditionCheck items', () => {
    expect(() => transactWrite({ items: [{ conditionCheck: { table: 't', key: { id: '1' } } }] })).toThrow(/conditionCheck\.condition is required/);
  });

  it('refuses an item that is not exactly one of putItem, updateItem, deleteItem, conditionCheck', () => {
    expect(() => transactWrite({ items: [{ getItem: { table: 't', key: { id: '1' } } }] })).toThrow(/items\[0\] must hold exactly one of putItem/);
    expect(() =>
      transactWrite({ items: [{ putItem: { table: 't', key: { id: '1' }, item: {} }, deleteItem: { table: 't', key: { id: '1' } } }] }),
    ).toThrow(/exactly one/);
  });
});
