// Equality of DynamoDB values as AppSync needs it after a failed PutItem condition: "compares
// the current value against the one it attempted to write, excluding any attributes listed
// in equalsIgnore". Numbers compare by value ("1" and "1.0" are one number), sets ignore order.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

const bytes = (b: Uint8Array) => Buffer.from(b).toString('base64');

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((v, i) => v === right[i]);
}

export function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && Number(a.N) === Number(b.N);
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.B !== undefined) return b.B !== undefined && bytes(a.B) === bytes(b.B);
  if (a.SS !== undefined) return b.SS !== undefined && sameSet(a.SS, b.SS);
  if (a.NS !== undefined) return b.NS !== undefined && sameSet(a.NS.map((n) => String(Number(n))), b.NS.map((n) => String(Number(n))));
  if (a.BS !== undefined) return b.BS !== undefined && sameSet(a.BS.map(bytes), b.BS.map(bytes));
  if (a.L !== undefined) return b.L !== undefined && a.L.length === b.L.length && a.L.every((v, i) => sameValue(v, b.L![i]));
  if (a.M !== undefined) return b.M !== undefined && sameItem(a.M, b.M);
  return false;
}

/** Same attribute names (less the ignored ones) with the same values. */
export function sameItem(a: Item, b: Item, ignore: string[] = []): boolean {
  const names = (item: Item) => Object.keys(item).filter((name) => !ignore.includes(name)).sort();
  const left = names(a);
  const right = names(b);
  return left.length === right.length && left.every((name, i) => name === right[i] && sameValue(a[name], b[name]));
}

/** Whether an item has the given key (every key attribute equal). */
export function hasKey(item: Item, key: Item): boolean {
  return Object.entries(key).every(([name, value]) => item[name] !== undefined && sameValue(value, item[name]));
}
