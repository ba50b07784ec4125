// Deciding whether a published payload reaches a subscriber.
// - Argument filtering: each argument the client gave must equal the payload's top-level
//   field of the same name; arguments left out or null do not filter.
//   https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
// - Enhanced filters set with extensions.setSubscriptionFilter: filters inside a group are
//   ANDed, groups are ORed; fieldName may be dotted for nested fields.
//   https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html

export type FilterCondition = { fieldName: string; operator: string; value: unknown };
export type SubscriptionFilter = { filterGroup: { filters: FilterCondition[] }[] };

export function matchesArguments(args: Record<string, unknown>, payload: unknown): boolean {
  const record = (payload ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(args)) {
    if (value === null || value === undefined) continue;
    if (!sameValue(record[name], value)) return false;
  }
  return true;
}

export function matchesFilter(filter: SubscriptionFilter | null | undefined, payload: unknown): boolean {
  if (!filter || !Array.isArray(filter.filterGroup) || filter.filterGroup.length === 0) return true;
  return filter.filterGroup.some((group) => (group.filters ?? []).every((condition) => holds(condition, payload)));
}

function fieldValue(payload: unknown, fieldName: string): unknown {
  let value: unknown = payload;
  for (const part of fieldName.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

type Comparable = number | string;
const comparable = (a: unknown, b: unknown): [Comparable, Comparable] | null =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? [a, b] : null;

function holds({ fieldName, operator, value }: FilterCondition, payload: unknown): boolean {
  const actual = fieldValue(payload, fieldName);
  switch (operator) {
    case 'eq':
      return sameValue(actual, value);
    case 'ne':
      return !sameValue(actual, value);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const pair = comparable(actual, value);
      if (!pair) return false;
      const [a, b] = pair;
      return operator === 'lt' ? a < b : operator === 'le' ? a <= b : operator === 'gt' ? a > b : a >= b;
    }
    case 'between': {
      const [low, high] = Array.isArray(value) ? value : [];
      const lowPair = comparable(actual, low);
      const highPair = comparable(actual, high);
      return !!lowPair && !!highPair && lowPair[0] >= lowPair[1] && highPair[0] <= highPair[1];
    }
    case 'beginsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'contains':
      return contains(actual, value);
    case 'notContains':
      return !contains(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => sameValue(actual, v));
    case 'notIn':
      return Array.isArray(value) && !value.some((v) => sameValue(actual, v));
    case 'containsAny':
      return Array.isArray(actual) && Array.isArray(value) && value.some((v) => actual.some((a) => sameValue(a, v)));
    default:
      return false;
  }
}

function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === 'string' && typeof value === 'string') return actual.includes(value);
  if (Array.isArray(actual)) return actual.some((a) => sameValue(a, value));
  return false;
}
