// update and operations of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Built-in modules, "update" and "Operations" with their examples (add an address, append
//   and prepend [101, 104, 111] to friendsIds, decrement/increment friendsCount by 10, replace
//   info.address, updateListItem('102', 1) and ('112', 2)):
//   https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html
// - The same examples and the meaning of each operation in the type definitions
//   (node_modules/@aws-appsync/utils/lib/dynamodb-helpers.d.ts, DynamoDBUpdateInput.update).
// - AppSync Events built-in module page, "DynamoDB operations" example (increment, append,
//   add, remove in one update): https://docs.aws.amazon.com/appsync/latest/eventapi/built-in-modules.html
// - UpdateItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
// - Update expression syntax (SET a = a + v, list_append, ADD for numbers and sets, REMOVE):
//   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
// AWS does not print the expression text these helpers emit, so the tests check what each
// expression does (placeholders written out), not how its placeholders are named.
import { describe, expect, it } from 'vitest';
import { operations, toStringSet, update } from '../../../../../local/appsync/runtime/dynamodbModule';
import { updateClauses } from './readable';

type UpdatePart = Parameters<typeof updateClauses>[0];
const updateOf = (request: unknown) => (request as { update: UpdatePart }).update;

describe('update', () => {
  it('builds an UpdateItem request with key and update expression (UpdateItem page structure)', () => {
    const request = update({ key: { id: 1 }, update: { isVerified: true } });
    expect(request).toMatchObject({ operation: 'UpdateItem', key: { id: { N: 1 } } });
    expect(Object.keys(request).sort()).toEqual(['key', 'operation', 'update']);
    expect(updateClauses(updateOf(request))).toEqual({ SET: ['isVerified = true'] });
  });

  it('add: adds the address object to the item (module page example)', () => {
    const request = update({ key: { id: 1 }, update: { address: operations.add({ street1: '123 Main St', city: 'New York', zip: '10001' }) } });
    expect(updateClauses(updateOf(request))).toEqual({
      SET: ['address = {"street1":"123 Main St","city":"New York","zip":"10001"}'],
    });
  });

  it('add: adds to a number and to a set with ADD, the only types DynamoDB ADD takes', () => {
    const request = update({ key: { id: 1 }, update: { score: operations.add(5), tags: operations.add(toStringSet(['a'])) } });
    expect(updateClauses(updateOf(request))).toEqual({ ADD: ['score 5', 'tags {"SS":["a"]}'] });
  });

  it('remove: removes the address attribute', () => {
    const request = update({ key: { id: 1 }, update: { address: operations.remove() } });
    expect(updateClauses(updateOf(request))).toEqual({ REMOVE: ['address'] });
    expect(updateOf(request)).not.toHaveProperty('expressionValues');
  });

  it('replace: replaces info.address as a whole (module page example)', () => {
    const request = update({
      key: { id: 1 },
      update: { info: { address: operations.replace({ street1: '123 Main St', city: 'New York', zip: '10001' }) } },
    });
    expect(updateClauses(updateOf(request))).toEqual({
      SET: ['info.address = {"street1":"123 Main St","city":"New York","zip":"10001"}'],
    });
  });

  it('a nested plain object updates only the keys it names ("not just the keys in the payload" is what replace is for)', () => {
    const request = update({ key: { id: 1 }, update: { address: { city: 'Paris', zip: '75001' } } });
    expect(updateClauses(updateOf(request))).toEqual({ SET: ['address.city = "Paris"', 'address.zip = "75001"'] });
  });

  it('increment and decrement friendsCount by 10 (module page examples)', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { friendsCount: operations.increment(10) } })))).toEqual({
      SET: ['friendsCount = friendsCount + 10'],
    });
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { friendsCount: operations.decrement(10) } })))).toEqual({
      SET: ['friendsCount = friendsCount - 10'],
    });
  });

  it('increment and decrement step by 1 when given no amount (`by` is optional)', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { n: operations.increment() } })))).toEqual({ SET: ['n = n + 1'] });
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { n: operations.decrement() } })))).toEqual({ SET: ['n = n - 1'] });
  });

  it('append and prepend [101, 104, 111] to friendsIds (module page examples)', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { friendsIds: operations.append([101, 104, 111]) } })))).toEqual({
      SET: ['friendsIds = list_append(friendsIds, [101,104,111])'],
    });
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { friendsIds: operations.prepend([101, 104, 111]) } })))).toEqual({
      SET: ['friendsIds = list_append([101,104,111], friendsIds)'],
    });
  });

  it("updateListItem sets the second and third items of friendsIds to '102' and '112' (module page example)", () => {
    const request = update({ key: { id: 1 }, update: { friendsIds: [operations.updateListItem('102', 1), operations.updateListItem('112', 2)] } });
    expect(updateClauses(updateOf(request))).toEqual({ SET: ['friendsIds[1] = "102"', 'friendsIds[2] = "112"'] });
  });

  it('a plain list replaces the list', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { friendsIds: [1, 2] } })))).toEqual({ SET: ['friendsIds = [1,2]'] });
  });

  it('combines SET, ADD and REMOVE clauses in one expression (the eventapi module page example)', () => {
    const request = update({
      key: { id: 'e1' },
      update: {
        counter: operations.increment(1),
        tags: operations.append(['things']),
        items: operations.add({ key: 'value' }),
        oldField: operations.remove(),
      },
    });
    expect(updateClauses(updateOf(request))).toEqual({
      SET: ['counter = counter + 1', 'items = {"key":"value"}', 'tags = list_append(tags, ["things"])'],
      REMOVE: ['oldField'],
    });
  });

  it('adds the condition of the DynamoDBUpdateInput example (name eq)', () => {
    const request = update({ key: { id: 'X' }, update: { isVerified: true }, condition: { name: { eq: 'X' } } }) as { condition: UpdatePart };
    expect(request.condition.expression).toMatch(/^#\w+ = :\w+$/);
    expect(Object.values(request.condition.expressionNames!)).toEqual(['name']);
  });

  it('uses a placeholder for every attribute name, so reserved words such as name and status work', () => {
    const e = updateOf(update({ key: { id: 1 }, update: { name: 'a', status: 'b' } }));
    expect(e.expression.replace(/[#:]\w+/g, '')).not.toMatch(/name|status/);
  });

  it('skips undefined fields', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { a: 1, b: undefined } })))).toEqual({ SET: ['a = 1'] });
  });

  it('fails clearly on an update with nothing to change, a misplaced updateListItem, or a mixed list', () => {
    expect(() => update({ key: { id: 1 }, update: {} })).toThrow(/update names no attribute to change/);
    expect(() => update({ key: { id: 1 }, update: { ids: operations.updateListItem('x', 0) } })).toThrow(/updateListItem goes inside a list/);
    expect(() => update({ key: { id: 1 }, update: { ids: [operations.updateListItem('x', 0), 'y'] } })).toThrow(/mixes operations\.updateListItem/);
    expect(() => update({ key: { id: 1 } })).toThrow(/update: update must be an object/);
  });
});

describe('operations', () => {
  it('declares each marker by its _type (DynamoDBOperation* in the type definitions)', () => {
    expect((operations.add(1) as { _type: string })._type).toBe('add');
    expect((operations.remove() as { _type: string })._type).toBe('remove');
    expect((operations.replace(1) as { _type: string })._type).toBe('replace');
    expect((operations.increment() as { _type: string })._type).toBe('increment');
    expect((operations.decrement() as { _type: string })._type).toBe('decrement');
    expect((operations.append([]) as { _type: string })._type).toBe('append');
    expect((operations.prepend([]) as { _type: string })._type).toBe('prepend');
    expect((operations.updateListItem(1, 0) as { _type: string })._type).toBe('updateListItem');
  });

  it('refuses arguments of the wrong type', () => {
    expect(() => operations.increment('10' as never)).toThrow(/operations\.increment\(by\) needs a finite number/);
    expect(() => operations.append('x' as never)).toThrow(/operations\.append\(payload\) needs an array/);
    expect(() => operations.updateListItem('x', -1)).toThrow(/needs a list index/);
  });

  it('a map that merely has a _type key is a plain value, not an operation', () => {
    expect(updateClauses(updateOf(update({ key: { id: 1 }, update: { m: { _type: 'remove' } } })))).toEqual({ SET: ['m._type = "remove"'] });
  });
});
