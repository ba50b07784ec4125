// DynamoDB attribute values as APPSYNC_JS sees them (`{ N: 12 }`, numbers as numbers) and as
// the wire needs them (`{ N: "12" }`), plus item conversion for results.
// https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type TypedValue = Record<string, unknown>;

// Set values made by the module's toStringSet / toNumberSet / toBinarySet. They must survive
// the conversion of an item (`put({ item: { tags: toStringSet([...]) } })` writes a set, not a
// map with an "SS" key), so they are remembered by identity rather than guessed from shape.
const typedSets = new WeakSet<object>();

/** Marks a typed value so that toDynamoDB passes it through unchanged. */
export function keepTyped<T extends TypedValue>(value: T): T {
  typedSets.add(value);
  return value;
}

export function isKeptTyped(value: unknown): value is TypedValue {
  return typeof value === 'object' && value !== null && typedSets.has(value);
}

/** util.dynamodb.toDynamoDB: arrays become lists (never sets), objects maps. */
export function toDynamoDB(value: unknown): TypedValue {
  if (value === null || value === undefined) return { NULL: null };
  if (isKeptTyped(value)) return value;
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value as Record<string, unknown>) };
  throw new Error(`util.dynamodb.toDynamoDB cannot convert a ${typeof value}`);
}

/** util.dynamodb.toMapValues: the inner map of toDynamoDB(object). */
export function toMapValues(object: Record<string, unknown>): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [key, value] of Object.entries(object ?? {})) {
    if (value !== undefined) out[key] = toDynamoDB(value);
  }
  return out;
}

/** A typed value from a resolver, made valid for the DynamoDB API. */
export function toWireValue(value: TypedValue): AttributeValue {
  const [type, inner] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
      return { S: String(inner) };
    case 'N':
      return { N: String(inner) };
    case 'BOOL':
      return { BOOL: Boolean(inner) };
    case 'NULL':
      return { NULL: true };
    case 'B':
      return { B: Buffer.from(String(inner), 'base64') };
    case 'SS':
      return { SS: (inner as unknown[]).map(String) };
    case 'NS':
      return { NS: (inner as unknown[]).map(String) };
    case 'BS':
      return { BS: (inner as unknown[]).map((b) => Buffer.from(String(b), 'base64')) };
    case 'L':
      return { L: (inner as TypedValue[]).map(toWireValue) };
    case 'M':
      return { M: toWireMap(inner as Record<string, TypedValue>) ?? {} };
    default:
      throw new DynamoDbRequestError(`${JSON.stringify(value)} is not a DynamoDB typed value (use util.dynamodb.toDynamoDB)`);
  }
}

export function toWireMap(values: Record<string, TypedValue> | undefined): Record<string, AttributeValue> | undefined {
  if (!values) return undefined;
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(values)) out[key] = toWireValue(value);
  return out;
}

/** A DynamoDB attribute value as plain JSON, the way AppSync hands results to resolvers. */
export function fromWireValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return Buffer.from(value.B).toString('base64');
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map((b) => Buffer.from(b).toString('base64'));
  if (value.L !== undefined) return value.L.map(fromWireValue);
  if (value.M !== undefined) return fromWireItem(value.M);
  return null;
}

export function fromWireItem(item: Record<string, AttributeValue> | undefined): Record<string, unknown> | null {
  if (!item) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) out[key] = fromWireValue(value);
  return out;
}

/**
 * A wire value back in the typed form resolvers write (`{ N: 8 }`, base64 for binary), as
 * AppSync shows items to a conditionalCheckFailedHandler Lambda (`currentValue`).
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
 */
export function toTypedValue(value: AttributeValue): TypedValue {
  if (value.N !== undefined) return { N: Number(value.N) };
  if (value.NS !== undefined) return { NS: value.NS.map(Number) };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.NULL !== undefined) return { NULL: null };
  if (value.L !== undefined) return { L: value.L.map(toTypedValue) };
  if (value.M !== undefined) return { M: toTypedMap(value.M) };
  const [type, inner] = Object.entries(value).find(([, v]) => v !== undefined) ?? ['NULL', null];
  return { [type]: inner };
}

export function toTypedMap(item: Record<string, AttributeValue>): Record<string, TypedValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toTypedValue(value)]));
}

/** A malformed data source request (an untyped value): ctx.error of type MappingTemplate, never a crash. */
export class DynamoDbRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingTemplate';
  }
}
