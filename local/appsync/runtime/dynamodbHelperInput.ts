// Checks on what resolver code passes to the @aws-appsync/utils/dynamodb helpers, so a
// mistake fails in the handler that made it, with a message that names the helper and the
// field (the executor reports it as the handler's error), instead of reaching DynamoDB as
// a request it cannot make sense of.

export class DynamoDbHelperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoDbHelperError';
  }
}

export type Obj = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Obj {
  // Values come from the resolver's own realm (node:vm), so no instanceof checks here.
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const describe = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value));

export function requireObject(helper: string, field: string, value: unknown): Obj {
  if (!isPlainObject(value)) throw new DynamoDbHelperError(`${helper}: ${field} must be an object, got ${describe(value)}`);
  return value;
}

export function optionalObject(helper: string, field: string, value: unknown): Obj | undefined {
  return value === undefined || value === null ? undefined : requireObject(helper, field, value);
}

/** A key: at least one attribute, each a string or a number (DynamoDBKey in the type definitions). */
export function requireKey(helper: string, field: string, value: unknown): Obj {
  const key = requireObject(helper, field, value);
  const entries = Object.entries(key).filter(([, v]) => v !== undefined);
  if (entries.length === 0) throw new DynamoDbHelperError(`${helper}: ${field} needs at least one key attribute`);
  for (const [name, v] of entries) {
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new DynamoDbHelperError(`${helper}: ${field}.${name} must be a string or a number (a key attribute), got ${describe(v)}`);
    }
  }
  return Object.fromEntries(entries);
}

export function requireArray(helper: string, field: string, value: unknown, { nonEmpty = true } = {}): unknown[] {
  if (!Array.isArray(value)) throw new DynamoDbHelperError(`${helper}: ${field} must be an array, got ${describe(value)}`);
  if (nonEmpty && value.length === 0) throw new DynamoDbHelperError(`${helper}: ${field} needs at least one entry`);
  return value;
}

export function optionalStringList(helper: string, field: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = requireArray(helper, field, value, { nonEmpty: false });
  for (const entry of list) {
    if (typeof entry !== 'string') throw new DynamoDbHelperError(`${helper}: ${field} must list attribute paths as strings, got ${describe(entry)}`);
  }
  return list as string[];
}

const SELECT = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES'];

export function optionalSelect(helper: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !SELECT.includes(value)) {
    throw new DynamoDbHelperError(`${helper}: select must be one of ${SELECT.join(', ')}, got ${describe(value)}`);
  }
  return value;
}

export function optionalType<T>(helper: string, field: string, value: unknown, type: 'string' | 'number' | 'boolean'): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new DynamoDbHelperError(`${helper}: ${field} must be a ${type}, got ${describe(value)}`);
  return value as T;
}
