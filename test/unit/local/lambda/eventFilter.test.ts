// FilterCriteria as Lambda's event filtering applies them to DynamoDB stream records.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html
import { describe, expect, it } from 'vitest';
import { matchesAnyFilter, matchesPattern, parseFilterCriteria } from '../../../../local/lambda/eventSources/eventFilter';

const record = {
  eventName: 'MODIFY',
  dynamodb: {
    Keys: { CustomerName: { S: 'AnyCompany Industries' } },
    NewImage: { AccountManager: { S: 'Pat Candella' }, PaymentTerms: { S: '60 days' }, Balance: { N: '250' }, Tags: { SS: ['vip', 'eu'] } },
  },
};

describe('matchesPattern', () => {
  it('matches keys and attribute values with exact strings (the DynamoDB filtering page examples)', () => {
    expect(matchesPattern({ dynamodb: { Keys: { CustomerName: { S: ['AnyCompany Industries'] } } } }, record)).toBe(true);
    expect(matchesPattern({ dynamodb: { NewImage: { AccountManager: { S: ['Pat Candella', 'Shirley Rodriguez'] } } } }, record)).toBe(true);
    expect(matchesPattern({ dynamodb: { NewImage: { AccountManager: { S: ['Someone Else'] } } } }, record)).toBe(false);
  });

  it('supports prefix, suffix, equals-ignore-case, wildcard and anything-but', () => {
    const on = (condition: unknown) => matchesPattern({ dynamodb: { NewImage: { PaymentTerms: { S: [condition] } } } }, record);
    expect(on({ prefix: '60' })).toBe(true);
    expect(on({ suffix: 'days' })).toBe(true);
    expect(on({ 'equals-ignore-case': '60 DAYS' })).toBe(true);
    expect(on({ wildcard: '6* d*s' })).toBe(true);
    expect(on({ 'anything-but': ['30 days'] })).toBe(true);
    expect(on({ 'anything-but': '60 days' })).toBe(false);
    expect(on({ 'anything-but': { prefix: '60' } })).toBe(false);
  });

  it('compares numbers, including DynamoDB N values written as strings', () => {
    const on = (numeric: unknown[]) => matchesPattern({ dynamodb: { NewImage: { Balance: { N: [{ numeric }] } } } }, record);
    expect(on(['>', 100, '<=', 250])).toBe(true);
    expect(on(['>', 250])).toBe(false);
    expect(on(['=', 250])).toBe(true);
  });

  it('checks presence with exists, and matches any element of a list', () => {
    expect(matchesPattern({ dynamodb: { OldImage: [{ exists: false }] } }, record)).toBe(true);
    expect(matchesPattern({ dynamodb: { NewImage: [{ exists: true }] } }, record)).toBe(true);
    expect(matchesPattern({ dynamodb: { NewImage: { Tags: { SS: ['eu'] } } } }, record)).toBe(true);
  });

  it('combines alternatives with $or', () => {
    const pattern = { $or: [{ eventName: ['INSERT'] }, { dynamodb: { NewImage: { Balance: { N: [{ numeric: ['>', 200] }] } } } }] };
    expect(matchesPattern(pattern, record)).toBe(true);
    expect(matchesPattern({ $or: [{ eventName: ['INSERT'] }, { eventName: ['REMOVE'] }] }, record)).toBe(false);
  });
});

describe('FilterCriteria', () => {
  it('passes a record that matches any filter; no filters pass everything', () => {
    const filters = parseFilterCriteria({ Filters: [{ Pattern: '{"eventName":["INSERT"]}' }, { Pattern: '{"eventName":["MODIFY"]}' }] }, 'test');
    expect(matchesAnyFilter(filters, record)).toBe(true);
    expect(matchesAnyFilter([], record)).toBe(true);
  });

  it('refuses a pattern that is not a JSON object', () => {
    expect(() => parseFilterCriteria({ Filters: [{ Pattern: 'eventName' }] }, 'Mapping X')).toThrow(/Mapping X: filter 1 is not JSON/);
    expect(() => parseFilterCriteria({ Filters: [{ Pattern: '[1]' }] }, 'Mapping X')).toThrow(/must be a JSON object/);
  });
});
