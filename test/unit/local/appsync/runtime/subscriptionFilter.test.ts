// The filter object of extensions.setSubscriptionFilter / setSubscriptionInvalidationFilter:
// shape and operators from "Extensions" (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html,
// "Argument: filterJsonObject"), limits from the "Exceptions" list of the $extensions page
// (https://docs.aws.amazon.com/appsync/latest/devguide/extensions.html).
import { describe, expect, it } from 'vitest';
import { validateSubscriptionFilter } from '../../../../../local/appsync/runtime/subscriptionFilter';

const group = (...filters: unknown[]) => ({ filters });
const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

describe('filterJsonObject', () => {
  it('accepts the page example (userId eq 1 OR group in [Admin, Developer])', () => {
    const filter = { filterGroup: [group(f('userId', 'eq', 1)), group(f('group', 'in', ['Admin', 'Developer']))] };
    expect(validateSubscriptionFilter(filter)).toEqual(filter);
  });

  it('accepts every documented operator with its value type', () => {
    const filters = [
      f('service', 'eq', 'AWS AppSync'),
      f('service', 'ne', 'AWS AppSync'),
      f('size', 'le', 5),
      f('size', 'lt', 5),
      f('size', 'ge', 5),
      f('size', 'gt', 5),
    ];
    expect(() => validateSubscriptionFilter({ filterGroup: [group(...filters)] })).not.toThrow();
    const more = [f('seats', 'contains', 10), f('event', 'notContains', 'launch'), f('service', 'beginsWith', 'AWS'), f('severity', 'notIn', [1, 2, 3]), f('severity', 'between', [1, 5])];
    expect(() => validateSubscriptionFilter({ filterGroup: [group(...more, f('seats', 'containsAny', [10, 15]))] })).not.toThrow();
  });

  it('operators are case-sensitive and value types are checked', () => {
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'EQ', 1))] })).toThrow(/unknown operator "EQ"/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'lte', 1))] })).toThrow(/unknown operator/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'beginsWith', 1))] })).toThrow(/not a string/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'le', true))] })).toThrow(/not a number or string/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'between', [1]))] })).toThrow(/pair/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a', 'in', 'x'))] })).toThrow(/array/);
    expect(() => validateSubscriptionFilter({ filters: [] })).toThrow(/filterGroup/);
  });
});

describe('limits ("Exceptions")', () => {
  it('at most five unique fieldName items per filter (AND)', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => f(n, 'eq', 1));
    expect(() => validateSubscriptionFilter({ filterGroup: [group(...five, f('a', 'ne', 2))] })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: [group(...five, f('x', 'eq', 1))] })).toThrow(/at most 5/);
  });

  it('at most twenty values for containsAny, five for in and notIn', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'containsAny', values(20)))] })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'containsAny', values(21)))] })).toThrow(/at most 20/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'notIn', values(6)))] })).toThrow(/at most 5/);
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'in', values(6)))] })).toThrow(/at most 5/);
  });

  it('each string at most 256 characters', () => {
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'eq', 'x'.repeat(256)))] })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('s', 'eq', 'x'.repeat(257)))] })).toThrow(/256/);
  });

  it('nested fields up to five levels', () => {
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a.b.c.d.e', 'eq', 1))] })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: [group(f('a.b.c.d.e.f', 'eq', 1))] })).toThrow(/5 levels/);
  });

  it('at most 10 filters in filterGroup (OR), each in value counting as one', () => {
    const groups = (n: number) => Array.from({ length: n }, (_, i) => group(f('id', 'eq', i)));
    expect(() => validateSubscriptionFilter({ filterGroup: groups(10) })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: groups(11) })).toThrow(/at most 10/);
    // The page's example: userId eq 1 AND group in [Admin, Developer] counts as two filters.
    const withIn = group(f('userId', 'eq', 1), f('group', 'in', ['Admin', 'Developer']));
    expect(() => validateSubscriptionFilter({ filterGroup: [...groups(8), withIn] })).not.toThrow();
    expect(() => validateSubscriptionFilter({ filterGroup: [...groups(9), withIn] })).toThrow(/11 filter groups/);
  });
});
