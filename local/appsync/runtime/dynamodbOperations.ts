// `operations` of @aws-appsync/utils/dynamodb: markers placed in an `update({ update })`
// object that say how one attribute changes. updateExpression.ts turns them into clauses.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html (Operations)
//
// A marker shows only its `_type` (as the type definitions declare) and keeps its payload out
// of sight: markers are recognised by identity, so a user map that happens to have a `_type`
// key is still just a map.
import { DynamoDbHelperError } from './dynamodbHelperInput';

export type UpdateOperation =
  | { type: 'add'; value: unknown }
  | { type: 'remove' }
  | { type: 'replace'; value: unknown }
  | { type: 'increment'; by: number }
  | { type: 'decrement'; by: number }
  | { type: 'append'; values: unknown[] }
  | { type: 'prepend'; values: unknown[] }
  | { type: 'updateListItem'; value: unknown; index: number };

const markers = new WeakMap<object, UpdateOperation>();

function marker(operation: UpdateOperation): object {
  const out = Object.defineProperty({}, '_type', { value: operation.type, enumerable: false });
  markers.set(out, operation);
  return Object.freeze(out);
}

/** The operation a value stands for, or undefined for a plain value. */
export function operationOf(value: unknown): UpdateOperation | undefined {
  return typeof value === 'object' && value !== null ? markers.get(value) : undefined;
}

function step(name: string, by: unknown): number {
  if (by === undefined || by === null) return 1;
  if (typeof by !== 'number' || !Number.isFinite(by)) {
    throw new DynamoDbHelperError(`operations.${name}(by) needs a finite number, got ${JSON.stringify(by)}`);
  }
  return by;
}

function list(name: string, values: unknown): unknown[] {
  if (!Array.isArray(values)) throw new DynamoDbHelperError(`operations.${name}(payload) needs an array, got ${JSON.stringify(values)}`);
  return values;
}

export const operations = Object.freeze({
  add: (value: unknown) => marker({ type: 'add', value }),
  remove: () => marker({ type: 'remove' }),
  replace: (value: unknown) => marker({ type: 'replace', value }),
  increment: (by?: number) => marker({ type: 'increment', by: step('increment', by) }),
  decrement: (by?: number) => marker({ type: 'decrement', by: step('decrement', by) }),
  append: (values: unknown[]) => marker({ type: 'append', values: list('append', values) }),
  prepend: (values: unknown[]) => marker({ type: 'prepend', values: list('prepend', values) }),
  updateListItem: (value: unknown, index: number) => {
    if (!Number.isInteger(index) || index < 0) {
      throw new DynamoDbHelperError(`operations.updateListItem(payload, index) needs a list index (an integer >= 0), got ${JSON.stringify(index)}`);
    }
    return marker({ type: 'updateListItem', value, index });
  },
});
