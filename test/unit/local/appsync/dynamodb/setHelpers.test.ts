// toStringSet, toNumberSet and toBinarySet of @aws-appsync/utils/dynamodb.
// Sources (expected values come from these, not from running the helpers):
// - Type definitions (node_modules/@aws-appsync/utils/lib/dynamodb-helpers.d.ts):
//   toStringSet(["a", "b", "c"]) -> { "SS": ["a", "b", "c"] };
//   toBinarySet(["SGVsbG8=", "V29ybGQ="]) -> { "BS": ["SGVsbG8=", "V29ybGQ="] };
//   toNumberSet([1, 2, 3]) is printed there as { "NS": ["1", "2", "3"] }, while
//   util.dynamodb.toNumberSet([1, 23, 4.56]) is documented as { "NS": [1, 23, 4.56] }
//   (https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html);
//   the local helper keeps numbers, which reach DynamoDB as the same NS either way.
// - AppSync Events built-in module page, "DynamoDB set utilities" (update({ segments:
//   ddb.toStringSet(...) })): https://docs.aws.amazon.com/appsync/latest/eventapi/built-in-modules.html
import { describe, expect, it } from 'vitest';
import { put, toBinarySet, toNumberSet, toStringSet, update } from '../../../../../local/appsync/runtime/dynamodbModule';
import { toWireValue } from '../../../../../local/appsync/runtime/dynamodbValues';
import { updateClauses } from './readable';

describe('set helpers', () => {
  it('toStringSet and toBinarySet match the type definition examples', () => {
    expect(toStringSet(['a', 'b', 'c'])).toEqual({ SS: ['a', 'b', 'c'] });
    expect(toBinarySet(['SGVsbG8=', 'V29ybGQ='])).toEqual({ BS: ['SGVsbG8=', 'V29ybGQ='] });
  });

  it('toNumberSet gives a number set that reaches DynamoDB as NS ["1", "2", "3"]', () => {
    const set = toNumberSet([1, 2, 3]);
    expect(Object.keys(set)).toEqual(['NS']);
    expect(toWireValue(set)).toEqual({ NS: ['1', '2', '3'] });
  });

  it('a set stays a set inside put items and update values (Events page example: segments)', () => {
    expect(put({ key: { id: '1' }, item: { tags: toStringSet(['a', 'b']) } }).attributeValues).toEqual({ tags: { SS: ['a', 'b'] } });
    const request = update({ key: { id: 'e1' }, update: { segments: toStringSet(['x', 'y']) } }) as { update: Parameters<typeof updateClauses>[0] };
    expect(updateClauses(request.update)).toEqual({ SET: ['segments = {"SS":["x","y"]}'] });
  });

  it('refuses entries of the wrong type', () => {
    expect(() => toStringSet(['a', 1 as never])).toThrow(/toStringSet: every entry must be a string/);
    expect(() => toNumberSet([1, 'x' as never])).toThrow(/toNumberSet: every entry must be a finite number/);
    expect(() => toStringSet('a' as never)).toThrow(/toStringSet: its argument must be an array/);
  });
});
