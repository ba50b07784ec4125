import { describe, expect, it } from 'vitest';
import { filterExpression, keyConditionExpression } from '../../../../../local/appsync/runtime/expressions';
import { util } from '../../../../../local/appsync/runtime/util';

describe('util.transform.toDynamoDBFilterExpression', () => {
  it('matches the AWS documentation example', () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
    expect(JSON.parse(util.transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } }))).toEqual({
      expression: 'contains(#title, :title_contains)',
      expressionNames: { '#title': 'title' },
      expressionValues: { ':title_contains': { S: 'Hello World' } },
    });
  });

  it('ANDs top-level keys, nests and/or/not, and keeps placeholders apart', () => {
    const e = filterExpression({
      status: { eq: 'ACTIVE' },
      or: [{ title: { beginsWith: 'A' } }, { title: { beginsWith: 'B' } }],
      not: { seats: { between: [1, 5] } },
      tags: { attributeExists: true },
      kind: { attributeType: 'string', in: ['a', 'b'] },
    });
    expect(e.expression).toBe(
      '#status = :status_eq AND (begins_with(#title, :title_beginsWith) OR begins_with(#title, :title_beginsWith_1)) AND ' +
        '(NOT (#seats BETWEEN :seats_between_0 AND :seats_between_1)) AND attribute_exists(#tags) AND ' +
        'attribute_type(#kind, :kind_attributeType) AND #kind IN (:kind_in_0, :kind_in_1)',
    );
    expect(e.expressionValues[':title_beginsWith_1']).toEqual({ S: 'B' });
    expect(e.expressionValues[':kind_attributeType']).toEqual({ S: 'S' });
  });

  it('addresses nested map attributes with dotted names', () => {
    expect(filterExpression({ address: { city: { eq: 'Paris' } } })).toEqual({
      expression: '#address.#city = :address_city_eq',
      expressionNames: { '#address': 'address', '#city': 'city' },
      expressionValues: { ':address_city_eq': { S: 'Paris' } },
    });
  });
});

describe('key conditions', () => {
  it('allows eq on the partition key and one comparison on the sort key', () => {
    expect(keyConditionExpression({ organizerId: { eq: 'o1' }, startsAt: { ge: '2030' } })).toEqual({
      expression: '#organizerId = :organizerId_eq AND #startsAt >= :startsAt_ge',
      expressionNames: { '#organizerId': 'organizerId', '#startsAt': 'startsAt' },
      expressionValues: { ':organizerId_eq': { S: 'o1' }, ':startsAt_ge': { S: '2030' } },
    });
  });

  it('refuses operators DynamoDB does not allow in a key condition', () => {
    expect(() => keyConditionExpression({ id: { contains: 'x' } })).toThrow(/not allowed in a query key condition/);
  });
});
