// Valid and invalid values from "Scalar types in AWS AppSync"
// (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html).
import { graphqlSync } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../../../../local/appsync/schema/buildSchema';

const schema = buildApiSchema(`
  type Query {
    echo(date: AWSDate, time: AWSTime, dateTime: AWSDateTime, ts: AWSTimestamp, email: AWSEmail, json: AWSJSON,
         url: AWSURL, phone: AWSPhone, ip: AWSIPAddress): String
  }
`);
schema.getQueryType()!.getFields().echo.resolve = (_source, args) => JSON.stringify(args);

function check(arg: string, value: unknown) {
  const result = graphqlSync({ schema, source: `query($v: ${typeName(arg)}) { echo(${arg}: $v) }`, variableValues: { v: value } });
  return result.errors ? null : JSON.parse(result.data!.echo as string)[arg];
}

function typeName(arg: string) {
  return { date: 'AWSDate', time: 'AWSTime', dateTime: 'AWSDateTime', ts: 'AWSTimestamp', email: 'AWSEmail', json: 'AWSJSON', url: 'AWSURL', phone: 'AWSPhone', ip: 'AWSIPAddress' }[arg];
}

describe('AWS scalars', () => {
  it('AWSDate: YYYY-MM-DD with an optional offset, negative years allowed', () => {
    for (const v of ['1970-01-01', '1970-01-01Z', '1970-01-01-07:00', '1970-01-01+05:30', '-9999-01-01']) expect(check('date', v), v).toBe(v);
    for (const v of ['1970-1-1', '1970-02-30', '1970-01-01T00:00Z', 'today']) expect(check('date', v), v).toBeNull();
  });

  it('AWSTime: hh:mm[:ss[.fraction]] with an optional offset', () => {
    for (const v of ['12:30', '12:30Z', '12:30:24-07:00', '12:30:24.500+05:30', '12:30:24.123456789']) expect(check('time', v), v).toBe(v);
    for (const v of ['24:00', '12', '12:30.5', '12:60']) expect(check('time', v), v).toBeNull();
  });

  it('AWSDateTime: the offset is mandatory', () => {
    for (const v of ['1930-01-01T16:00:00-07:00', '2017-01-01T00:00Z', '-2017-01-01T00:00Z', '2017-01-01T00:00:00.123456789+05:30:15']) {
      expect(check('dateTime', v), v).toBe(v);
    }
    for (const v of ['2017-01-01T00:00:00', '2017-01-01', '2017-13-01T00:00Z']) expect(check('dateTime', v), v).toBeNull();
  });

  it('AWSTimestamp is an integer count of seconds', () => {
    expect(check('ts', 1517943695)).toBe(1517943695);
    expect(check('ts', 1.5)).toBeNull();
    expect(check('ts', '1517943695')).toBeNull();
  });

  it('AWSJSON arrives parsed for resolvers; invalid JSON is refused', () => {
    expect(check('json', '{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(check('json', '{a:1}')).toBeNull();
  });

  it('AWSEmail, AWSURL, AWSPhone and AWSIPAddress', () => {
    expect(check('email', 'ada@example.com')).toBe('ada@example.com');
    expect(check('email', 'ada')).toBeNull();
    expect(check('url', 'https://example.com/a')).toBe('https://example.com/a');
    expect(check('url', 'mailto:ada@example.com')).toBe('mailto:ada@example.com');
    expect(check('url', 'example.com')).toBeNull();
    expect(check('url', 'https://example.com//double')).toBeNull();
    expect(check('phone', '+1 555-123-4567')).toBe('+1 555-123-4567');
    expect(check('phone', 'call me')).toBeNull();
    for (const v of ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32']) expect(check('ip', v), v).toBe(v);
    for (const v of ['256.0.0.1', '10.0.0.0/33', '[::1]']) expect(check('ip', v), v).toBeNull();
  });
});
