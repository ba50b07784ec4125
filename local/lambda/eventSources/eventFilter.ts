// FilterCriteria of an event source mapping: a record goes to the function when it matches
// any of the filters' patterns. A pattern mirrors the record's shape; at its leaves, an
// array of conditions any of which may match: a literal (string, number, boolean, null),
// { prefix }, { suffix }, { "equals-ignore-case" }, { "anything-but": value | [values] |
// { prefix } | { suffix } }, { numeric: [op, n, op, n] }, { exists: true | false },
// { wildcard }, and "$or": [pattern, ...] at any level. A record field that is an array
// matches when one of its elements does.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html
// Numeric conditions also match numbers written as strings, since DynamoDB's `N` values are
// strings in stream records (the DynamoDB filtering page filters `N` with numeric).
// Shared by the DynamoDB Streams and SQS event sources.

export type FilterPattern = Record<string, unknown>;

/** Lambda allows 5 filters per mapping by default. */
export const MAX_FILTERS = 5;

export function parseFilterCriteria(criteria: { Filters?: { Pattern?: string }[] } | undefined, where: string): FilterPattern[] {
  const filters = criteria?.Filters ?? [];
  return filters.map((filter, i) => {
    let pattern: unknown;
    try {
      pattern = JSON.parse(String(filter.Pattern ?? ''));
    } catch (error) {
      throw new Error(`${where}: filter ${i + 1} is not JSON (${(error as Error).message})`);
    }
    if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern)) throw new Error(`${where}: filter ${i + 1} must be a JSON object`);
    return pattern as FilterPattern;
  });
}

/** No filters: everything matches. */
export function matchesAnyFilter(filters: readonly FilterPattern[], record: unknown): boolean {
  return filters.length === 0 || filters.some((pattern) => matchesPattern(pattern, record));
}

export function matchesPattern(pattern: FilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === '$or') return Array.isArray(rule) && rule.some((alternative) => matchesPattern(alternative as FilterPattern, value));
    const present = isObject(value) && key in value;
    const field = present ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(rule)) return rule.some((condition) => matchesCondition(condition, present, field));
    if (isObject(rule)) return present && matchesPattern(rule as FilterPattern, field);
    return false;
  });
}

function matchesCondition(condition: unknown, present: boolean, field: unknown): boolean {
  if (isObject(condition) && 'exists' in condition) return condition.exists === present;
  if (!present) return false;
  if (Array.isArray(field)) return field.some((element) => matchesValue(condition, element));
  return matchesValue(condition, field);
}

function matchesValue(condition: unknown, value: unknown): boolean {
  if (!isObject(condition)) return condition === value;
  if ('prefix' in condition) return typeof value === 'string' && stringRule(condition.prefix, (p) => value.startsWith(p));
  if ('suffix' in condition) return typeof value === 'string' && stringRule(condition.suffix, (s) => value.endsWith(s));
  if ('equals-ignore-case' in condition) {
    return typeof value === 'string' && typeof condition['equals-ignore-case'] === 'string' && value.toLowerCase() === condition['equals-ignore-case'].toLowerCase();
  }
  if ('wildcard' in condition) return typeof value === 'string' && typeof condition.wildcard === 'string' && wildcard(condition.wildcard).test(value);
  if ('numeric' in condition) return Array.isArray(condition.numeric) && numeric(condition.numeric, value);
  if ('anything-but' in condition) return anythingBut(condition['anything-but'], value);
  return false;
}

/** `{ prefix: "x" }` or, as the DynamoDB examples write it, `{ prefix: ["x"] }`. */
function stringRule(rule: unknown, test: (text: string) => boolean): boolean {
  if (typeof rule === 'string') return test(rule);
  return Array.isArray(rule) && rule.some((r) => typeof r === 'string' && test(r));
}

function anythingBut(rule: unknown, value: unknown): boolean {
  if (Array.isArray(rule)) return !rule.some((excluded) => excluded === value);
  if (isObject(rule)) return !matchesValue(rule, value);
  return rule !== value;
}

function numeric(rule: unknown[], value: unknown): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isNaN(n)) return false;
  for (let i = 0; i + 1 < rule.length; i += 2) {
    const bound = Number(rule[i + 1]);
    const ok = { '=': n === bound, '<': n < bound, '<=': n <= bound, '>': n > bound, '>=': n >= bound }[String(rule[i])];
    if (!ok) return false;
  }
  return true;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
