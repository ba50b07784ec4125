// Enhanced subscription filters: the `{ filterGroup: [{ filters: [...] }] }` object that
// extensions.setSubscriptionFilter / setSubscriptionInvalidationFilter take, its validation
// against AWS's limits, and util.transform.toSubscriptionFilter which builds one from a map.
// Filters inside a group are ANDed, groups are ORed.
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions.html ("Exceptions": the limits)
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html

export type FilterValue = string | number | boolean | (string | number)[];
export type SubscriptionFilterEntry = { fieldName: string; operator: string; value: FilterValue };
export type SubscriptionFilter = { filterGroup: { filters: SubscriptionFilterEntry[] }[] };
export type SubscriptionInvalidation = { subscriptionField: string; payload: Record<string, unknown> };
export type CacheEviction = { typeName: string; fieldName: string; keys: Record<string, unknown> };

// Limits from the "Exceptions" list of the $extensions page.
export const MAX_FIELD_NAMES_PER_GROUP = 5;
export const MAX_FILTER_GROUPS = 10;
export const MAX_IN_VALUES = 5;
export const MAX_CONTAINS_ANY_VALUES = 20;
export const MAX_STRING_LENGTH = 256;
export const MAX_NESTED_LEVELS = 5;

type Scalar = 'number' | 'string' | 'boolean';
type ValueRule = { shape: 'single' | 'pair' | 'list'; types: Scalar[]; max?: number };

// The operator table of the $extensions page ("Field: operator"): case-sensitive names and
// the value types each accepts.
const OPERATORS: Record<string, ValueRule> = {
  eq: { shape: 'single', types: ['number', 'string', 'boolean'] },
  ne: { shape: 'single', types: ['number', 'string', 'boolean'] },
  le: { shape: 'single', types: ['number', 'string'] },
  lt: { shape: 'single', types: ['number', 'string'] },
  ge: { shape: 'single', types: ['number', 'string'] },
  gt: { shape: 'single', types: ['number', 'string'] },
  contains: { shape: 'single', types: ['number', 'string'] },
  notContains: { shape: 'single', types: ['number', 'string'] },
  beginsWith: { shape: 'single', types: ['string'] },
  in: { shape: 'list', types: ['number', 'string'], max: MAX_IN_VALUES },
  notIn: { shape: 'list', types: ['number', 'string'], max: MAX_IN_VALUES },
  between: { shape: 'pair', types: ['number', 'string'] },
  containsAny: { shape: 'list', types: ['number', 'string'], max: MAX_CONTAINS_ANY_VALUES },
};

/** A filter object that AWS would refuse; the caller turns it into a GraphQL error. */
export class SubscriptionFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionFilterError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkScalar(v: unknown, types: Scalar[], where: string): void {
  if (!types.includes(typeof v as Scalar)) throw new SubscriptionFilterError(`${where}: value ${JSON.stringify(v)} is not a ${types.join(' or ')}`);
  if (typeof v === 'string' && v.length > MAX_STRING_LENGTH) throw new SubscriptionFilterError(`${where}: strings are limited to ${MAX_STRING_LENGTH} characters`);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new SubscriptionFilterError(`${where}: ${v} is not a finite number`);
}

function checkEntry(entry: unknown, where: string): SubscriptionFilterEntry {
  if (!isObject(entry)) throw new SubscriptionFilterError(`${where} is not an object with fieldName, operator and value`);
  const { fieldName, operator, value } = entry;
  if (typeof fieldName !== 'string' || fieldName.length === 0) throw new SubscriptionFilterError(`${where}: fieldName must be a non-empty string`);
  if (fieldName.length > MAX_STRING_LENGTH) throw new SubscriptionFilterError(`${where}: fieldName is limited to ${MAX_STRING_LENGTH} characters`);
  if (fieldName.split('.').length > MAX_NESTED_LEVELS) throw new SubscriptionFilterError(`${where}: fieldName ${fieldName} nests deeper than ${MAX_NESTED_LEVELS} levels`);
  const rule = typeof operator === 'string' && Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
  if (!rule) throw new SubscriptionFilterError(`${where}: unknown operator ${JSON.stringify(operator)} (operators are case-sensitive: ${Object.keys(OPERATORS).join(', ')})`);
  const at = `${where} (${fieldName} ${operator})`;
  if (rule.shape === 'single') {
    checkScalar(value, rule.types, at);
  } else {
    if (!Array.isArray(value)) throw new SubscriptionFilterError(`${at}: value must be an array`);
    if (rule.shape === 'pair' && value.length !== 2) throw new SubscriptionFilterError(`${at}: value must be a pair [low, high]`);
    if (rule.shape === 'list' && value.length === 0) throw new SubscriptionFilterError(`${at}: value must not be empty`);
    if (rule.max !== undefined && value.length > rule.max) throw new SubscriptionFilterError(`${at}: at most ${rule.max} values are allowed`);
    value.forEach((v, i) => checkScalar(v, rule.types, `${at}[${i}]`));
  }
  return { fieldName, operator: operator as string, value: structuredClone(value) as FilterValue };
}

/**
 * Checks a filter object against the documented shape and limits, and returns a plain copy.
 * `in` counts as one group per value towards the group limit (AWS expands it into OR groups).
 */
export function validateSubscriptionFilter(filter: unknown): SubscriptionFilter {
  if (!isObject(filter) || !Array.isArray(filter.filterGroup)) throw new SubscriptionFilterError('A subscription filter is an object { filterGroup: [{ filters: [...] }] }');
  if (filter.filterGroup.length === 0) throw new SubscriptionFilterError('filterGroup must not be empty');
  let expandedGroups = 0;
  const filterGroup = filter.filterGroup.map((group, g) => {
    if (!isObject(group) || !Array.isArray(group.filters) || group.filters.length === 0) {
      throw new SubscriptionFilterError(`filterGroup[${g}] must be an object with a non-empty filters array`);
    }
    const filters = group.filters.map((entry, f) => checkEntry(entry, `filterGroup[${g}].filters[${f}]`));
    const names = new Set(filters.map((entry) => entry.fieldName));
    if (names.size > MAX_FIELD_NAMES_PER_GROUP) {
      throw new SubscriptionFilterError(`filterGroup[${g}] uses ${names.size} fieldNames; at most ${MAX_FIELD_NAMES_PER_GROUP} can be combined with AND`);
    }
    expandedGroups += filters.reduce((n, entry) => (entry.operator === 'in' ? n * (entry.value as unknown[]).length : n), 1);
    return { filters };
  });
  if (expandedGroups > MAX_FILTER_GROUPS) {
    throw new SubscriptionFilterError(`The filter has ${expandedGroups} filter groups once each in value is a group of its own; at most ${MAX_FILTER_GROUPS} can be combined with OR`);
  }
  return { filterGroup };
}

// ---- util.transform.toSubscriptionFilter -------------------------------------------------

type Conjunction = SubscriptionFilterEntry[];

/** Every way to pick one conjunction from each list, ANDed; earlier lists vary slowest. */
function product(lists: Conjunction[][]): Conjunction[] {
  return lists.reduce<Conjunction[]>((acc, list) => acc.flatMap((left) => list.map((right) => [...left, ...right])), [[]]);
}

/** A condition map in disjunctive normal form: a list of ANDed filter lists, ORed. */
function disjunction(condition: Record<string, unknown>, ignored: Set<string>): Conjunction[] {
  const parts: Conjunction[][] = [];
  for (const [key, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    if (key === 'and' || key === 'or') {
      const items = (Array.isArray(operand) ? operand : [operand]) as Record<string, unknown>[];
      // An entry left empty by ignoredFields drops out (it does not make an `or` always true).
      const inner = items.map((item) => disjunction(item, ignored).filter((conjunction) => conjunction.length > 0)).filter((d) => d.length > 0);
      if (inner.length > 0) parts.push(key === 'and' ? product(inner) : inner.flat());
    } else if (!ignored.has(key)) {
      // Several operators on one field are ORed (the page's "percentageUp" example); the
      // operator names are passed through as written.
      const alternatives = Object.entries(operand as Record<string, FilterValue>)
        .filter(([, value]) => value !== undefined)
        .map(([operator, value]) => [{ fieldName: key, operator, value }]);
      if (alternatives.length > 0) parts.push(alternatives);
    }
  }
  return product(parts);
}

/**
 * util.transform.toSubscriptionFilter(obj, ignoredFields?, rules?): `ignoredFields` are dropped
 * at every level of `obj`; each entry of `rules` is an alternative, and every group gets one.
 */
export function toSubscriptionFilter(obj: Record<string, unknown>, ignoredFields: string[] = [], rules?: Record<string, unknown>): SubscriptionFilter {
  let groups = disjunction(obj ?? {}, new Set(ignoredFields ?? []));
  if (rules && Object.keys(rules).length > 0) {
    const alternatives = Object.entries(rules).flatMap(([fieldName, ops]) =>
      Object.entries(ops as Record<string, FilterValue>).map(([operator, value]) => [{ fieldName, operator, value }]),
    );
    groups = product([groups, alternatives]);
  }
  return { filterGroup: groups.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
}
