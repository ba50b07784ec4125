// Whether a published message passes a subscription's filter policy.
// A message passes when every key of the policy matches (AND), a key matches when any of its
// conditions does (OR), keys the policy does not name are ignored, and `$or` adds "one of
// these branches must match too" (sns-subscription-filter-policies.html, and-or-logic.html).
// Attribute scope compares String, String.Array (each element on its own) and Number
// attributes and ignores Binary ones (subscription-filter-policy-constraints.html,
// string-value-matching.html); body scope needs a JSON object body and follows nested keys,
// an array in the body matching when one of its elements does (message-filtering.html,
// sns-message-filtering-scope.html). String matching is case-sensitive except
// equals-ignore-case; numbers compare with five decimals of accuracy.
// `anything-but` never matches a missing key (a real SNS subscription with
// {"attr1": [null, {"anything-but": "whatever"}]} did not receive a message without attr1:
// LocalStack's AWS-validated snapshot test_sns_filter_policy.snapshot.json, "messages-3").
import { parseIp, type Condition, type FilterPolicy, type PolicyNode, type ScalarValue } from './filterPolicy';

export type FilterAttributes = Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>;

type JsonObject = Record<string, unknown>;

/** What a key resolves to in the message: nothing, scalar values, or (body scope) nested objects. */
type Found = { present: false } | { present: true; values: ScalarValue[]; objects: JsonObject[] };

const ABSENT: Found = { present: false };

export function matchesAttributes(policy: FilterPolicy, attributes: FilterAttributes | undefined): boolean {
  const attrs = attributes ?? {};
  // Attribute policies are flat (nesting is refused for this scope), so nested nodes never occur here.
  return matchNode(policy.root, (key) => attributeValues(attrs[key]));
}

/** Body scope: a body that is not a JSON object matches no policy. */
export function matchesBody(policy: FilterPolicy, body: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return false;
  }
  if (!isObject(json)) return false;
  return matchObject(policy.root, json);
}

function matchObject(node: PolicyNode, object: JsonObject): boolean {
  return matchNode(node, (key) => bodyValues(object[key]));
}

function matchNode(node: PolicyNode, lookup: (key: string) => Found): boolean {
  for (const [key, value] of node.fields) {
    const found = lookup(key);
    const ok = Array.isArray(value) ? matchConditions(value, found) : matchNested(value, found);
    if (!ok) return false;
  }
  return node.anyOf.length === 0 || node.anyOf.some((branch) => matchNode(branch, lookup));
}

function matchNested(node: PolicyNode, found: Found): boolean {
  // A missing object is an object whose keys are all missing, so `exists: false` can match inside it.
  if (!found.present || found.objects.length === 0) return matchObject(node, {});
  return found.objects.some((object) => matchObject(node, object));
}

function matchConditions(conditions: Condition[], found: Found): boolean {
  if (!found.present) return conditions.some((c) => c.kind === 'exists' && !c.value);
  return conditions.some((condition) => {
    if (condition.kind === 'exists') return condition.value;
    return found.values.some((value) => matchValue(condition, value));
  });
}

function matchValue(condition: Exclude<Condition, { kind: 'exists' }>, value: ScalarValue): boolean {
  switch (condition.kind) {
    case 'exact':
      if (typeof condition.value === 'number') return typeof value === 'number' && sameNumber(condition.value, value);
      return condition.value === value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(condition.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(condition.value);
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === condition.value.toLowerCase();
    case 'anything-but':
      if (typeof value === 'number') return !condition.values.some((v) => typeof v === 'number' && sameNumber(v, value));
      if (typeof value === 'string') return !condition.values.includes(value);
      return value !== null;
    case 'anything-but-prefix':
      return typeof value === 'string' && !value.startsWith(condition.value);
    case 'anything-but-suffix':
      return typeof value === 'string' && !value.endsWith(condition.value);
    case 'numeric':
      return typeof value === 'number' && inRange(condition, value);
    case 'cidr': {
      if (typeof value !== 'string') return false;
      const ip = parseIp(value);
      if (!ip || ip.version !== condition.cidr.version) return false;
      const width = ip.version === 4 ? 32 : 128;
      const bits = condition.cidr.prefixLength;
      const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
      return (ip.value & mask) === condition.cidr.network;
    }
  }
}

function inRange(condition: Extract<Condition, { kind: 'numeric' }>, raw: number): boolean {
  const value = round5(raw);
  if (condition.equals !== undefined) return value === round5(condition.equals);
  const { lower, upper } = condition;
  if (lower && !(lower.inclusive ? value >= round5(lower.value) : value > round5(lower.value))) return false;
  if (upper && !(upper.inclusive ? value <= round5(upper.value) : value < round5(upper.value))) return false;
  return true;
}

/** "five digits of accuracy after the decimal point" (subscription-filter-policy-constraints.html). */
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
const sameNumber = (a: number, b: number) => round5(a) === round5(b);

function attributeValues(attribute: FilterAttributes[string] | undefined): Found {
  if (!attribute) return ABSENT;
  const type = attribute.DataType;
  if (type.startsWith('Binary')) return ABSENT;
  const text = attribute.StringValue ?? '';
  if (type === 'String.Array') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { present: true, values: [], objects: [] };
    }
    const values = (Array.isArray(parsed) ? parsed : [parsed]).filter(isScalar);
    return { present: true, values, objects: [] };
  }
  if (type.startsWith('Number')) {
    const n = Number(text);
    return { present: true, values: Number.isFinite(n) ? [n] : [], objects: [] };
  }
  return { present: true, values: [text], objects: [] };
}

function bodyValues(value: unknown): Found {
  if (value === undefined) return ABSENT;
  const items = Array.isArray(value) ? value.flat(Infinity) : [value];
  return { present: true, values: items.filter(isScalar), objects: items.filter(isObject) };
}

function isScalar(value: unknown): value is ScalarValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
