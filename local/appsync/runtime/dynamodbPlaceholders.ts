// Attribute paths ("address.city", "friends[2]") and the `#name` / `:value` placeholders the
// @aws-appsync/utils/dynamodb helpers put in projection and update expressions. Every name
// goes through a placeholder, so reserved words ("name", "status") never break an expression.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html
import { toDynamoDB, type TypedValue } from './dynamodbValues';

/** One step of a document path: an attribute name, then any list indexes after it. */
export type PathSegment = { name: string; indexes: number[] };

const SEGMENT = /^([^[\]]+)((?:\[\d+\])*)$/;

/** "a.b[1][2].c" -> [{a}, {b, [1, 2]}, {c}]; throws on an empty or malformed segment. */
export function parsePath(path: string): PathSegment[] {
  if (typeof path !== 'string' || path.length === 0) throw new Error(`"${String(path)}" is not an attribute path`);
  return path.split('.').map((part) => {
    const match = SEGMENT.exec(part);
    if (!match) throw new Error(`"${path}" is not an attribute path (expected names separated by dots, list indexes as [n])`);
    const indexes = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return { name: match[1], indexes };
  });
}

function sanitize(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_');
  return cleaned.length > 0 ? cleaned : '_';
}

/** Hands out `#name` and `:value` placeholders, never giving one placeholder two meanings. */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, TypedValue> = {};
  private readonly byName = new Map<string, string>();

  name(attribute: string): string {
    const known = this.byName.get(attribute);
    if (known) return known;
    const base = `#${sanitize(attribute)}`;
    let placeholder = base;
    for (let n = 1; Object.hasOwn(this.names, placeholder); n += 1) placeholder = `${base}_${n}`;
    this.names[placeholder] = attribute;
    this.byName.set(attribute, placeholder);
    return placeholder;
  }

  /** `#a.#b[1]` for a parsed path. */
  path(segments: PathSegment[]): string {
    return segments.map((s) => this.name(s.name) + s.indexes.map((i) => `[${i}]`).join('')).join('.');
  }

  /** A `:hint` placeholder bound to the value (plain values go through toDynamoDB). */
  value(hint: string, value: unknown): string {
    return this.typedValue(hint, toDynamoDB(value));
  }

  /** A `:hint` placeholder bound to a value that is already typed (`{ N: 1 }`). */
  typedValue(hint: string, typed: TypedValue): string {
    const base = `:${sanitize(hint)}`;
    let placeholder = base;
    for (let n = 1; Object.hasOwn(this.values, placeholder); n += 1) placeholder = `${base}_${n}`;
    this.values[placeholder] = typed;
    return placeholder;
  }
}
