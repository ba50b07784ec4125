// Expected values from "DynamoDB helpers in util.dynamodb" (AWS AppSync developer guide,
// https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html).
import { describe, expect, it } from 'vitest';
import { fromWireItem, toWireMap } from '../../../../../local/appsync/runtime/dynamodbValues';
import { util } from '../../../../../local/appsync/runtime/util';

describe('util.dynamodb (AWS documentation examples)', () => {
  it('toDynamoDB converts strings, numbers and nested objects; lists stay lists', () => {
    expect(util.dynamodb.toDynamoDB('foo')).toEqual({ S: 'foo' });
    expect(util.dynamodb.toDynamoDB(12345)).toEqual({ N: 12345 });
    expect(util.dynamodb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })).toEqual({
      M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } },
    });
  });

  it('has typed converters', () => {
    expect(util.dynamodb.toString('foo')).toEqual({ S: 'foo' });
    expect(util.dynamodb.toStringSet(['foo', 'bar', 'baz'])).toEqual({ SS: ['foo', 'bar', 'baz'] });
    expect(util.dynamodb.toNumberSet([1, 23, 4.56])).toEqual({ NS: [1, 23, 4.56] });
    expect(util.dynamodb.toBoolean(true)).toEqual({ BOOL: true });
    expect(util.dynamodb.toNull()).toEqual({ NULL: null });
    expect(util.dynamodb.toList(['foo', 123, { bar: 'baz' }])).toEqual({ L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] });
    expect(util.dynamodb.toMapValues({ foo: 'bar', baz: 1234 })).toEqual({ foo: { S: 'bar' }, baz: { N: 1234 } });
  });

  it('toS3Object and fromS3ObjectJson round-trip', () => {
    const s3 = util.dynamodb.toS3Object('foo', 'bar', 'baz');
    expect(s3).toEqual({ S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' });
    expect(util.dynamodb.fromS3ObjectJson(s3.S)).toEqual({ key: 'foo', bucket: 'bar', region: 'baz' });
  });
});

describe('wire conversion', () => {
  it('sends numbers as strings and NULL as true, and reads items back as plain JSON', () => {
    const wire = toWireMap(util.dynamodb.toMapValues({ n: 1.5, s: 'x', none: null, list: [1, 'a'], map: { ok: true } }))!;
    expect(wire).toEqual({ n: { N: '1.5' }, s: { S: 'x' }, none: { NULL: true }, list: { L: [{ N: '1' }, { S: 'a' }] }, map: { M: { ok: { BOOL: true } } } });
    expect(fromWireItem(wire)).toEqual({ n: 1.5, s: 'x', none: null, list: [1, 'a'], map: { ok: true } });
    expect(fromWireItem({ set: { SS: ['a', 'b'] }, nums: { NS: ['1', '2'] }, bin: { B: Buffer.from('hi') } })).toEqual({
      set: ['a', 'b'],
      nums: [1, 2],
      bin: Buffer.from('hi').toString('base64'),
    });
  });

  it('turns a value that is not typed into a request error', () => {
    expect(() => toWireMap({ bad: { X: 1 } as never })).toThrow(/not a DynamoDB typed value/);
  });
});
