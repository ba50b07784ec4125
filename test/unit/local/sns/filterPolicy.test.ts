// Filter policies against the examples of the SNS developer guide:
// https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html
// https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html
// https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html
// https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html
// https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
// and the error texts SNS answered (LocalStack's AWS-validated snapshot
// tests/aws/services/sns/test_sns_filter_policy.snapshot.json).
import { describe, expect, it } from 'vitest';
import { FilterPolicyError, parseFilterPolicy, type FilterPolicyScope } from '../../../../local/sns/filterPolicy';
import { matchesAttributes, matchesBody, type FilterAttributes } from '../../../../local/sns/filterPolicyMatch';

const str = (v: string) => ({ DataType: 'String', StringValue: v });
const num = (v: string) => ({ DataType: 'Number', StringValue: v });
const arr = (v: string) => ({ DataType: 'String.Array', StringValue: v });

function attrs(policy: object, attributes: FilterAttributes): boolean {
  return matchesAttributes(parseFilterPolicy(JSON.stringify(policy), 'MessageAttributes'), attributes);
}

function body(policy: object, message: object | string): boolean {
  return matchesBody(parseFilterPolicy(JSON.stringify(policy), 'MessageBody'), typeof message === 'string' ? message : JSON.stringify(message));
}

function reason(policy: unknown, scope: FilterPolicyScope = 'MessageAttributes'): string {
  try {
    parseFilterPolicy(typeof policy === 'string' ? policy : JSON.stringify(policy), scope);
  } catch (error) {
    if (error instanceof FilterPolicyError) return error.reason;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('string value matching', () => {
  const interests = { customer_interests: ['rugby', 'tennis'] };

  it('matches exact values, and String.Array elements one by one', () => {
    expect(attrs(interests, { customer_interests: str('rugby') })).toBe(true);
    expect(attrs(interests, { customer_interests: str('tennis') })).toBe(true);
    expect(attrs(interests, { customer_interests: arr('["rugby", "tennis"]') })).toBe(true);
    expect(attrs(interests, { customer_interests: str('baseball') })).toBe(false);
    expect(attrs(interests, { customer_interests: arr('["baseball"]') })).toBe(false);
    expect(body(interests, { customer_interests: 'rugby' })).toBe(true);
    expect(body(interests, { customer_interests: 'baseball' })).toBe(false);
  });

  it('is case-sensitive except for equals-ignore-case', () => {
    expect(attrs(interests, { customer_interests: str('Rugby') })).toBe(false);
    expect(attrs({ customer_interests: [{ 'equals-ignore-case': 'tennis' }] }, { customer_interests: str('TeNNis') })).toBe(true);
    expect(attrs({ customer_interests: [{ 'equals-ignore-case': 'tennis' }] }, { customer_interests: str('rugby') })).toBe(false);
  });

  it('matches anything-but, which a String.Array passes when one element is not listed', () => {
    const policy = { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] };
    expect(attrs(policy, { customer_interests: str('baseball') })).toBe(true);
    expect(attrs(policy, { customer_interests: str('football') })).toBe(true);
    expect(attrs(policy, { customer_interests: arr('["rugby", "baseball"]') })).toBe(true);
    expect(attrs(policy, { customer_interests: str('rugby') })).toBe(false);
  });

  it('matches anything-but with a prefix or a suffix', () => {
    const prefix = { event: [{ 'anything-but': { prefix: 'order-' } }] };
    expect(attrs(prefix, { event: str('data-entry') })).toBe(true);
    expect(attrs(prefix, { event: str('order_number') })).toBe(true);
    expect(attrs(prefix, { event: str('order-cancelled') })).toBe(false);
    const suffix = { event: [{ 'anything-but': { suffix: '-cancelled' } }] };
    expect(attrs(suffix, { event: str('order-cancelled') })).toBe(false);
    expect(attrs(suffix, { event: str('order-placed') })).toBe(true);
  });

  it('matches prefixes and suffixes', () => {
    expect(attrs({ customer_interests: [{ prefix: 'bas' }] }, { customer_interests: str('baseball') })).toBe(true);
    expect(attrs({ customer_interests: [{ prefix: 'bas' }] }, { customer_interests: str('basketball') })).toBe(true);
    expect(attrs({ customer_interests: [{ prefix: 'bas' }] }, { customer_interests: str('rugby') })).toBe(false);
    expect(attrs({ customer_interests: [{ suffix: 'ball' }] }, { customer_interests: str('baseball') })).toBe(true);
    expect(attrs({ customer_interests: [{ suffix: 'ball' }] }, { customer_interests: str('rugby') })).toBe(false);
  });

  it('matches IP addresses against a CIDR block', () => {
    const policy = { source_ip: [{ cidr: '10.0.0.0/24' }] };
    expect(attrs(policy, { source_ip: str('10.0.0.0') })).toBe(true);
    expect(attrs(policy, { source_ip: str('10.0.0.255') })).toBe(true);
    expect(attrs(policy, { source_ip: str('10.1.1.0') })).toBe(false);
    expect(attrs({ source_ip: [{ cidr: '2001:db8::/32' }] }, { source_ip: str('2001:db8:1::5') })).toBe(true);
  });
});

describe('numeric value matching', () => {
  it('matches equal numbers whatever their notation', () => {
    const policy = { price_usd: [{ numeric: ['=', 301.5] }] };
    expect(attrs(policy, { price_usd: num('301.5') })).toBe(true);
    expect(attrs(policy, { price_usd: num('3.015e2') })).toBe(true);
    expect(body(policy, '{"price_usd": 3.015e2}')).toBe(true);
    // A String attribute holding a number is not a number.
    expect(attrs(policy, { price_usd: str('301.5') })).toBe(false);
  });

  it('matches anything-but numbers', () => {
    const policy = { price: [{ 'anything-but': [100, 500] }] };
    expect(attrs(policy, { price: num('101') })).toBe(true);
    expect(attrs(policy, { price: num('100.1') })).toBe(true);
    expect(attrs(policy, { price: num('100') })).toBe(false);
    expect(body(policy, { price: [100, 50] })).toBe(true);
    expect(body(policy, { price: 100 })).toBe(false);
  });

  it('matches ranges', () => {
    expect(attrs({ price_usd: [{ numeric: ['<', 0] }] }, { price_usd: num('-1') })).toBe(true);
    const policy = { price_usd: [{ numeric: ['>', 0, '<=', 150] }] };
    expect(attrs(policy, { price_usd: num('150') })).toBe(true);
    expect(attrs(policy, { price_usd: num('0') })).toBe(false);
    expect(attrs(policy, { price_usd: num('150.00001') })).toBe(false);
  });
});

describe('key matching', () => {
  it('matches exists true only when the key is there, and exists false only when it is not', () => {
    const present = { store: [{ exists: true }] };
    const absent = { store: [{ exists: false }] };
    const withStore = { store: str('fans'), customer_interests: arr('["baseball", "basketball"]') };
    const withoutStore = { customer_interests: arr('["baseball", "basketball"]') };
    expect(attrs(present, withStore)).toBe(true);
    expect(attrs(present, withoutStore)).toBe(false);
    expect(attrs(absent, withStore)).toBe(false);
    expect(attrs(absent, withoutStore)).toBe(true);
    expect(body(present, { store: 'fans' })).toBe(true);
    expect(body(absent, { customer_interests: ['baseball'] })).toBe(true);
  });

  it('never matches a missing attribute with anything-but (a real subscription dropped such a message)', () => {
    expect(attrs({ attr1: [null, { 'anything-but': 'whatever' }] }, {})).toBe(false);
  });

  it('ignores Binary attributes', () => {
    expect(attrs({ a: [{ exists: true }] }, { a: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) } })).toBe(false);
  });
});

describe('AND / OR logic', () => {
  it('needs every key (AND) and one value per key (OR)', () => {
    const policy = { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] };
    expect(attrs(policy, { customer_interests: str('rugby'), price_usd: num('101') })).toBe(true);
    expect(attrs(policy, { customer_interests: str('rugby'), price_usd: num('99') })).toBe(false);
    expect(attrs(policy, { customer_interests: str('rugby') })).toBe(false);
  });

  it('applies $or across keys', () => {
    const policy = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] };
    expect(attrs(policy, { source: str('aws.cloudwatch'), metricName: str('CPUUtilization') })).toBe(true);
    expect(attrs(policy, { source: str('aws.cloudwatch'), namespace: str('AWS/EC2') })).toBe(true);
    expect(attrs(policy, { source: str('aws.cloudwatch'), namespace: str('AWS/S3') })).toBe(false);
    expect(attrs(policy, { metricName: str('CPUUtilization') })).toBe(false);
  });

  it('treats "$or" as a plain key when its value is not a list of at least two objects', () => {
    expect(attrs({ $or: ['x'] }, { $or: str('x') })).toBe(true);
  });
});

describe('message body scope', () => {
  it('follows nested keys and arrays of objects', () => {
    const policy = { store: { address: { city: ['Paris'] } } };
    expect(body(policy, { store: { address: { city: 'Paris' } } })).toBe(true);
    expect(body(policy, { store: [{ address: { city: 'Lyon' } }, { address: { city: 'Paris' } }] })).toBe(true);
    expect(body(policy, { store: { address: { city: 'Lyon' } } })).toBe(false);
  });

  it('matches no policy when the body is not a JSON object', () => {
    expect(body({ a: [{ exists: false }] }, 'plain text')).toBe(false);
    expect(body({ a: [{ exists: false }] }, '[1]')).toBe(false);
  });

  it('matches null and booleans', () => {
    expect(body({ a: [null] }, { a: null })).toBe(true);
    expect(body({ a: [true] }, { a: true })).toBe(true);
    expect(body({ a: [true] }, { a: 'true' })).toBe(false);
  });
});

describe('policy checks', () => {
  it('answers malformed conditions with SNS’s texts', () => {
    expect(reason({ key: [['value']] })).toBe('FilterPolicy: Match value must be String, number, true, false, or null');
    expect(reason({ key: [{ 'wrong-operator': true }] })).toBe('FilterPolicy: Unrecognized match type wrong-operator');
    expect(reason({ key: [{ suffix: 'value', prefix: 'value2' }] })).toBe('FilterPolicy: Only one key allowed in match expression');
    expect(reason({ key: [{ suffix: 100 }] })).toBe('FilterPolicy: suffix match pattern must be a string');
    expect(reason({ key: [{ suffix: null }] })).toBe('FilterPolicy: suffix match pattern must be a string');
    expect(reason({ key: { suffix: 'value' } })).toBe('FilterPolicy: "suffix" must be an object or an array');
    expect(reason({ key_a: 'value_one' })).toBe('FilterPolicy: "key_a" must be an object or an array');
    expect(reason({ key: [{ exists: null }] })).toBe('FilterPolicy: exists match pattern must be either true or false.');
    expect(reason({ key: [{ exists: 'no' }] })).toBe('FilterPolicy: exists match pattern must be either true or false.');
  });

  it('answers malformed numeric conditions with SNS’s texts', () => {
    const numeric = (operand: unknown[]) => reason({ key: [{ numeric: operand }] });
    expect(numeric([])).toBe('FilterPolicy: Invalid member in numeric match: ]');
    expect(numeric(['operator'])).toBe('FilterPolicy: Unrecognized numeric range operator: operator');
    expect(numeric([1, '<='])).toBe('FilterPolicy: Invalid member in numeric match: 1');
    expect(numeric(['=', '000'])).toBe('FilterPolicy: Value of equals must be numeric');
    expect(numeric(['>='])).toBe('FilterPolicy: Value of >= must be numeric');
    expect(numeric(['<', 100, '>', 10])).toBe('FilterPolicy: Too many elements in numeric expression');
    expect(numeric(['>=', 1, '>', 2])).toBe('FilterPolicy: Bad numeric range operator: >');
    expect(numeric(['>', 3, '<', 1])).toBe('FilterPolicy: Bottom must be less than top');
    expect(numeric(['>', 20, '<='])).toBe('FilterPolicy: Value of <= must be numeric');
    expect(numeric(['>', 20, 30])).toBe('FilterPolicy: Bad value in numeric range: 30');
    expect(numeric(['>', 20, 'test'])).toBe('FilterPolicy: Bad numeric range operator: test');
    expect(numeric(['>', '20', '<', '30'])).toBe('FilterPolicy: Value of > must be numeric');
    expect(numeric(['>', 20, '<', 30, '<', 50])).toBe('FilterPolicy: Too many terms in numeric range expression');
  });

  it('refuses nested policies for attribute scope only', () => {
    expect(reason({ object: { key: [{ prefix: 'auto-' }] } })).toBe('Filter policy scope MessageAttributes does not support nested filter policy');
    expect(() => parseFilterPolicy('{"object":{"key":[{"prefix":"auto-"}]}}', 'MessageBody')).not.toThrow();
  });

  it('enforces at most five keys and 150 combinations, $or branches summed', () => {
    expect(reason({ k1: ['a'], k2: ['a'], k3: ['a'], k4: ['a'], k5: ['a'], k6: ['a'] })).toBe('FilterPolicy: Filter policy can not have more than 5 keys');
    expect(reason({ key: Array.from({ length: 151 }, (_, i) => `value${i}`) })).toBe('FilterPolicy: Filter policy is too complex');
    expect(reason({ key1: Array.from({ length: 100 }, (_, i) => `v${i}`), key2: Array.from({ length: 51 }, (_, i) => `v${i}`) })).toBe(
      'FilterPolicy: Filter policy is too complex',
    );
    expect(() => parseFilterPolicy(JSON.stringify({ a: ['1', '2', '3'], b: ['1'], c: ['1', '2'] }), 'MessageAttributes')).not.toThrow();
    // The constraints page's worked example: (4 * 6) + (4 * 4 * 4) + (4 * 4 * 4) = 152 > 150.
    const four = ['1', '2', '3', '4'];
    const policy = {
      source: four,
      $or: [{ metricName: ['1', '2', '3', '4', '5', '6'] }, { metricType: four, $or: [{ metricId: four }, { spaceId: four }] }],
    };
    expect(reason(policy)).toBe('FilterPolicy: Filter policy is too complex');
  });

  it('quotes JSON parse failures', () => {
    expect(reason('{invalid')).toMatch(/^FilterPolicy: failed to parse JSON\. /);
  });
});
