// util.transform, with the examples of "Transformation helpers in util.transform"
// (https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html)
// and the doc comments of @aws-appsync/utils lib/transform-utils.d.ts.
import { describe, expect, it } from 'vitest';
import { util } from '../../../../../local/appsync/runtime/util';

describe('toDynamoDBFilterExpression', () => {
  it('returns the page example as a JSON string', () => {
    expect(JSON.parse(util.transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } }))).toEqual({
      expression: 'contains(#title, :title_contains)',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });
});

describe('toDynamoDBConditionExpression', () => {
  // Rule (d.ts): like the filter variant, AND by default, plus condition functions such as size and attribute_exists.
  it('ANDs keys and supports size and attributeExists', () => {
    expect(JSON.parse(util.transform.toDynamoDBConditionExpression({ id: { attributeExists: false }, tags: { size: { gt: 2 } } }))).toEqual({
      expression: 'attribute_not_exists(#id) AND size(#tags) > :tags_size_gt',
      expressionNames: { '#id': 'id', '#tags': 'tags' },
      expressionValues: { ':tags_size_gt': { N: 2 } },
    });
  });
});

describe('toElasticsearchQueryDSL', () => {
  it('returns the page example: keys ANDed, several operators on a field ANDed, ne as must_not', () => {
    const dsl = util.transform.toElasticsearchQueryDSL({
      upvotes: { ne: 15, range: [10, 20] },
      title: { eq: 'hihihi', wildcard: 'h*i' },
    });
    expect(typeof dsl).toBe('string');
    expect(JSON.parse(dsl)).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });

  it('maps the other documented operators to OpenSearch queries, and or / not to bool', () => {
    expect(
      JSON.parse(
        util.transform.toElasticsearchQueryDSL({
          or: [{ title: { matchPhrasePrefix: 'Get' } }, { upvotes: { gte: 5 } }],
          not: { deleted: { exists: true } },
        }),
      ),
    ).toEqual({
      bool: {
        must: [
          { bool: { should: [{ match_phrase_prefix: { title: 'Get' } }, { range: { upvotes: { gte: 5 } } }] } },
          { bool: { must_not: { exists: { field: 'deleted' } } } },
        ],
      },
    });
  });
});

describe('toSubscriptionFilter (the page\'s "Subscription filter arguments" examples)', () => {
  const argument1 = (downvotes: Record<string, number>) => ({
    percentageUp: { lte: 50, gte: 20 },
    and: [{ title: { ne: 'Book1' } }, { downvotes }],
    or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
  });
  const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

  it('Argument 1: two conditions on one field are ORed, and/or combine, giving four groups', () => {
    const common = [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000)];
    expect(util.transform.toSubscriptionFilter(argument1({ gt: 2000 }))).toEqual({
      filterGroup: [
        { filters: [f('percentageUp', 'lte', 50), ...common, f('author', 'eq', 'Admin')] },
        { filters: [f('percentageUp', 'lte', 50), ...common, f('isPublished', 'eq', false)] },
        { filters: [f('percentageUp', 'gte', 20), ...common, f('author', 'eq', 'Admin')] },
        { filters: [f('percentageUp', 'gte', 20), ...common, f('isPublished', 'eq', false)] },
      ],
    });
  });

  it('Argument 2: ignored fields are dropped wherever they appear', () => {
    expect(util.transform.toSubscriptionFilter(argument1({ gt: 20 }), ['percentageUp', 'author'])).toEqual({
      filterGroup: [{ filters: [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 20), f('isPublished', 'eq', false)] }],
    });
  });

  it('Argument 3: each rule is an alternative added to every group', () => {
    // The page's input has downvotes { lt: 20 } but its output prints "gt": a typo; the input is kept here.
    const base = [f('title', 'ne', 'Book1'), f('downvotes', 'lt', 20), f('isPublished', 'eq', false)];
    expect(util.transform.toSubscriptionFilter(argument1({ lt: 20 }), ['percentageUp', 'author'], { upvotes: { gte: 250 }, author: { eq: 'Person1' } })).toEqual({
      filterGroup: [{ filters: [...base, f('upvotes', 'gte', 250)] }, { filters: [...base, f('author', 'eq', 'Person1')] }],
    });
  });

  it('nests and/or (the page: "you can nest and and or")', () => {
    expect(util.transform.toSubscriptionFilter({ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] })).toEqual({
      filterGroup: [{ filters: [f('a', 'eq', 1), f('b', 'eq', 2)] }, { filters: [f('a', 'eq', 1), f('c', 'eq', 3)] }],
    });
  });
});
