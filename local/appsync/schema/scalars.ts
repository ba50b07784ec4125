// AppSync's AWS scalars, validated the way AppSync documents them.
// https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html
import { GraphQLError, Kind, type GraphQLScalarType, type ValueNode } from 'graphql';
import { isIP } from 'node:net';

const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '-?\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?';

const PATTERNS = {
  AWSDate: new RegExp(`^(${DATE})${OFFSET}?$`),
  AWSTime: new RegExp(`^(${TIME})${OFFSET}?$`),
  AWSDateTime: new RegExp(`^(${DATE})T(${TIME})${OFFSET}$`),
};

function validDate(text: string): boolean {
  const [, sign, year, month, day] = /^(-?)(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? [];
  const y = Number(`${sign}${year}`);
  const d = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  d.setUTCFullYear(y);
  return d.getUTCMonth() === Number(month) - 1 && d.getUTCDate() === Number(day);
}

function validTime(text: string): boolean {
  const [h, m, s] = text.split(':').map((part) => Number.parseFloat(part));
  return h <= 23 && m <= 59 && (s === undefined || Number.isNaN(s) || s < 60);
}

type Check = (value: unknown) => string | null;

const string = (check: (s: string) => boolean, what: string): Check => (value) =>
  typeof value === 'string' && check(value) ? null : `must be ${what}`;

const CHECKS: Record<string, Check> = {
  AWSDate: string((s) => {
    const m = PATTERNS.AWSDate.exec(s);
    return !!m && validDate(m[1]);
  }, 'a date such as 1970-01-01 (offset optional)'),
  AWSTime: string((s) => {
    const m = PATTERNS.AWSTime.exec(s);
    return !!m && validTime(m[1]);
  }, 'a time such as 12:30 or 12:30:24.500Z'),
  AWSDateTime: string((s) => {
    const m = PATTERNS.AWSDateTime.exec(s);
    return !!m && validDate(m[1]) && validTime(m[2]);
  }, 'a date-time with an offset such as 2027-03-01T09:00:00+01:00 or 2027-03-01T08:00:00Z'),
  AWSEmail: string((s) => /^[^\s@]+@[^\s@]+$/.test(s), 'an email address'),
  AWSURL: string((s) => {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:(\/\/[^/?#]*)?([^?#]*)/.exec(s);
    return !!m && !m[2].includes('//');
  }, 'a URL with a scheme (https://..., mailto:...)'),
  AWSPhone: string((s) => /^\+?[\d\s\-().]{4,}$/.test(s) && /\d{3,}/.test(s.replace(/[\s\-().]/g, '')), 'a phone number'),
  AWSIPAddress: string((s) => {
    const [address, prefix, ...rest] = s.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
  }, 'an IPv4 or IPv6 address, optionally with a /prefix'),
  AWSTimestamp: (value) => (typeof value === 'number' && Number.isInteger(value) ? null : 'must be an integer number of seconds since the epoch'),
};

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.BOOLEAN:
      return node.value;
    default:
      return undefined;
  }
}

/** Gives the AWS scalars of a built schema their validation and JSON handling. */
export function installAwsScalars(types: Record<string, GraphQLScalarType | undefined>) {
  for (const [name, check] of Object.entries(CHECKS)) {
    const type = types[name];
    if (!type) continue;
    const parse = (value: unknown) => {
      const problem = check(value);
      if (problem) throw new GraphQLError(`Invalid ${name} value ${JSON.stringify(value)}: ${problem}`);
      return value;
    };
    type.parseValue = parse;
    type.parseLiteral = (node) => parse(literalValue(node));
    type.serialize = (value) => value;
  }
  const json = types.AWSJSON;
  if (json) {
    // Input: a JSON string, handed to resolvers parsed. Output: serialized back to a string.
    const parse = (value: unknown) => {
      if (typeof value !== 'string') throw new GraphQLError('Invalid AWSJSON value: must be a string holding JSON');
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw new GraphQLError(`Invalid AWSJSON value ${JSON.stringify(value)}: not valid JSON`);
      }
    };
    json.parseValue = parse;
    json.parseLiteral = (node) => parse(literalValue(node));
    json.serialize = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  }
}
