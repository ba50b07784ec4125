// Subscription filter policies: the JSON a subscription carries in FilterPolicy, checked and
// compiled the way SNS checks it when Subscribe or SetSubscriptionAttributes receives it.
// Operators: https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
// (exact, prefix, suffix, anything-but with prefix/suffix, equals-ignore-case:
// string-value-matching.html; numeric =, <, <=, >, >= and ranges: numeric-value-matching.html;
// exists: attribute-key-matching.html; cidr: string-value-matching.html#ip-address-matching;
// $or: and-or-logic.html#or-operator). Limits: subscription-filter-policy-constraints.html.
// Error texts are SNS's own, recorded from real answers (LocalStack's AWS-validated snapshot
// tests/aws/services/sns/test_sns_filter_policy.snapshot.json); SNS appends Jackson's
// "at [Source: ...; line, column]" to some, which is left out here. Texts without a
// recorded source are marked.

/** SNS compares policies against the message attributes (default) or the JSON message body. */
export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';
export const FILTER_POLICY_SCOPES: readonly FilterPolicyScope[] = ['MessageAttributes', 'MessageBody'];

/** "A filter policy can have a maximum of five keys." (subscription-filter-policy-constraints.html) */
export const MAX_FILTER_POLICY_KEYS = 5;
/** "The total combination of values in a filter policy must not exceed 150." (same page) */
export const MAX_FILTER_POLICY_COMBINATIONS = 150;
/** "The maximum size of a filter policy is 256 KB." (same page) */
export const MAX_FILTER_POLICY_BYTES = 256 * 1024;
/** Numbers are matched within ±10^9 with five decimals (same page). */
export const NUMERIC_LIMIT = 1e9;

export type ScalarValue = string | number | boolean | null;

export type Condition =
  | { kind: 'exact'; value: ScalarValue }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'anything-but'; values: (string | number)[] }
  | { kind: 'anything-but-prefix'; value: string }
  | { kind: 'anything-but-suffix'; value: string }
  | { kind: 'numeric'; lower?: Bound; upper?: Bound; equals?: number }
  | { kind: 'exists'; value: boolean }
  | { kind: 'cidr'; cidr: Cidr };

export type Bound = { value: number; inclusive: boolean };
export type Cidr = { version: 4 | 6; network: bigint; prefixLength: number };

/** One level of a policy: keys with conditions (or nested levels, body scope only), and `$or` branches. */
export type PolicyNode = { fields: Map<string, Condition[] | PolicyNode>; anyOf: PolicyNode[] };

export type FilterPolicy = { root: PolicyNode; nested: boolean };

/** Why SNS refuses a policy; `reason` is the text after "Invalid parameter: " (and "Attributes Reason: " in Subscribe). */
export class FilterPolicyError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FilterPolicyError';
  }
}

const fail = (message: string): never => {
  throw new FilterPolicyError(`FilterPolicy: ${message}`);
};

const OPERATORS = new Set(['prefix', 'suffix', 'anything-but', 'equals-ignore-case', 'numeric', 'exists', 'cidr']);
const NUMERIC_OPERATORS = new Set(['=', '<', '<=', '>', '>=']);

/**
 * Parses and checks a FilterPolicy value for a subscription with the given scope.
 * Throws FilterPolicyError with SNS's reason.
 */
export function parseFilterPolicy(text: string, scope: FilterPolicyScope): FilterPolicy {
  if (Buffer.byteLength(text) > MAX_FILTER_POLICY_BYTES) fail('Filter policy is too large'); // wording not recorded
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // SNS quotes Jackson's parser message here; ours is JavaScript's.
    fail(`failed to parse JSON. ${(error as Error).message}`);
  }
  if (!isObject(json)) fail('Filter policy must be a JSON object'); // wording not recorded
  const state = { nested: false };
  const root = parseNode(json as Record<string, unknown>, state);
  if (state.nested && scope === 'MessageAttributes') {
    throw new FilterPolicyError('Filter policy scope MessageAttributes does not support nested filter policy');
  }
  checkLimits(root);
  return { root, nested: state.nested };
}

function parseNode(json: Record<string, unknown>, state: { nested: boolean }): PolicyNode {
  const node: PolicyNode = { fields: new Map(), anyOf: [] };
  for (const [key, value] of Object.entries(json)) {
    if (key === '$or' && isOrOperator(value)) {
      node.anyOf = (value as Record<string, unknown>[]).map((branch) => parseNode(branch, state));
      continue;
    }
    if (Array.isArray(value)) {
      node.fields.set(key, value.map(parseCondition));
    } else if (isObject(value)) {
      state.nested = true;
      node.fields.set(key, parseNode(value, state));
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return node;
}

/**
 * SNS treats "$or" as the operator only when its value is an array of at least two objects
 * whose keys are not operator names; otherwise it is an ordinary key (and-or-logic.html).
 */
function isOrOperator(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((branch) => isObject(branch) && Object.keys(branch).every((k) => !OPERATORS.has(k)))
  );
}

function parseCondition(value: unknown): Condition {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'exact', value };
  }
  if (Array.isArray(value)) fail('Match value must be String, number, true, false, or null');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) {
    if (entries.length === 0) fail('Empty objects are not allowed in match expressions'); // wording not recorded
    fail('Only one key allowed in match expression');
  }
  const [operator, operand] = entries[0]!;
  switch (operator) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      if (typeof operand !== 'string') fail(`${operator} match pattern must be a string`);
      return { kind: operator, value: operand as string };
    case 'anything-but':
      return parseAnythingBut(operand);
    case 'numeric':
      return parseNumeric(operand);
    case 'exists':
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.');
      return { kind: 'exists', value: operand as boolean };
    case 'cidr':
      return { kind: 'cidr', cidr: parseCidrOperand(operand) };
    default:
      return fail(`Unrecognized match type ${operator}`);
  }
}

function parseAnythingBut(operand: unknown): Condition {
  // Texts below are EventBridge's (the same pattern engine); SNS's were not recorded.
  if (typeof operand === 'string' || typeof operand === 'number') return { kind: 'anything-but', values: [operand] };
  if (Array.isArray(operand)) {
    if (operand.length === 0 || !operand.every((v) => typeof v === 'string' || typeof v === 'number')) {
      fail('Inside anything but list, start|null|boolean is not supported.');
    }
    return { kind: 'anything-but', values: operand as (string | number)[] };
  }
  if (isObject(operand)) {
    const entries = Object.entries(operand);
    if (entries.length !== 1) fail('Only one key allowed in match expression');
    const [inner, pattern] = entries[0]!;
    if (inner !== 'prefix' && inner !== 'suffix') fail(`Unsupported anything-but pattern: ${inner}`);
    if (typeof pattern !== 'string') fail(`${inner} match pattern must be a string`);
    return { kind: inner === 'prefix' ? 'anything-but-prefix' : 'anything-but-suffix', value: pattern as string };
  }
  return fail('Value of anything-but must be an array or single string/number value.');
}

/** `["=", x]`, `[">"|">=", x]`, `["<"|"<=", x]` or `[">"|">=", x, "<"|"<=", y]`. */
function parseNumeric(operand: unknown): Condition {
  if (!Array.isArray(operand)) return fail('Value of numeric must be an array.'); // wording not recorded
  const describe = (v: unknown) => (v === undefined ? ']' : typeof v === 'string' ? v : JSON.stringify(v));
  const [op0, v0, op1, v1] = operand as unknown[];
  if (typeof op0 !== 'string') return fail(`Invalid member in numeric match: ${describe(op0)}`);
  if (!NUMERIC_OPERATORS.has(op0)) return fail(`Unrecognized numeric range operator: ${op0}`);
  if (typeof v0 !== 'number') return fail(`Value of ${op0 === '=' ? 'equals' : op0} must be numeric`);
  checkNumericRange(v0);
  if (op0 === '=' || op0 === '<' || op0 === '<=') {
    if (operand.length > 2) fail('Too many elements in numeric expression');
    if (op0 === '=') return { kind: 'numeric', equals: v0 };
    return { kind: 'numeric', upper: { value: v0, inclusive: op0 === '<=' } };
  }
  const lower = { value: v0, inclusive: op0 === '>=' };
  if (operand.length === 2) return { kind: 'numeric', lower };
  if (typeof op1 !== 'string') return fail(`Bad value in numeric range: ${describe(op1)}`);
  if (op1 !== '<' && op1 !== '<=') return fail(`Bad numeric range operator: ${op1}`);
  if (typeof v1 !== 'number') return fail(`Value of ${op1} must be numeric`);
  checkNumericRange(v1);
  if (operand.length > 4) fail('Too many terms in numeric range expression');
  if (!(v0 < v1)) fail('Bottom must be less than top');
  return { kind: 'numeric', lower, upper: { value: v1, inclusive: op1 === '<=' } };
}

function checkNumericRange(value: number): void {
  // Wording not recorded; the limit is the constraints page's.
  if (Math.abs(value) > NUMERIC_LIMIT) fail(`Value ${value} is out of the numeric range -1.0E9 to 1.0E9`);
}

function parseCidrOperand(operand: unknown): Cidr {
  if (typeof operand !== 'string') return fail('cidr match pattern must be a string'); // wording modelled on prefix's
  const cidr = parseCidr(operand);
  if (!cidr) fail(`Malformed CIDR, one '/' required`); // wording not recorded
  return cidr!;
}

/** `10.0.0.0/24` or `2001:db8::/32`; undefined when it is not a CIDR block. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || text.indexOf('/', slash + 1) >= 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const bits = Number(text.slice(slash + 1));
  if (!address || !/^\d+$/.test(text.slice(slash + 1)) || bits > (address.version === 4 ? 32 : 128)) return undefined;
  const width = address.version === 4 ? 32 : 128;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return { version: address.version, network: address.value & mask, prefixLength: bits };
}

/** An IPv4 or IPv6 address as a number; undefined when it is not one. */
export function parseIp(text: string): { version: 4 | 6; value: bigint } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { version: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part ? part.split(':') : []);
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { version: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/**
 * Keys and combinations, counted per alternative the `$or` branches make: each alternative may
 * have at most five keys, and the sum over alternatives of the product of each key's number
 * of values must stay within 150 (the constraints page's worked example with "$or" sums the
 * products of the branches).
 */
function checkLimits(root: PolicyNode): void {
  const alternatives = expand(root);
  if (alternatives.some((leaves) => leaves.length > MAX_FILTER_POLICY_KEYS)) fail('Filter policy can not have more than 5 keys');
  const combinations = alternatives.reduce((sum, leaves) => sum + leaves.reduce((product, n) => product * n, 1), 0);
  if (combinations > MAX_FILTER_POLICY_COMBINATIONS) fail('Filter policy is too complex');
}

/** Each alternative as the list of its leaf keys' value counts. */
function expand(node: PolicyNode): number[][] {
  let alternatives: number[][] = [[]];
  for (const value of node.fields.values()) {
    const options = Array.isArray(value) ? [[value.length]] : expand(value);
    alternatives = alternatives.flatMap((a) => options.map((o) => [...a, ...o]));
  }
  if (node.anyOf.length > 0) {
    const branches = node.anyOf.flatMap(expand);
    alternatives = alternatives.flatMap((a) => branches.map((b) => [...a, ...b]));
  }
  return alternatives;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
