// The `util` object APPSYNC_JS handlers import from @aws-appsync/utils.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
import { randomBytes, randomUUID } from 'node:crypto';
import { toDynamoDB, toMapValues } from './dynamodbValues';
import { currentEvaluation } from './evaluation';
import { filterExpression } from './expressions';
import { ResolverError } from './signals';
import * as time from './time';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// KSUID epoch: 2014-05-13T16:53:20Z (https://github.com/segmentio/ksuid).
const KSUID_EPOCH_SECONDS = 1_400_000_000;

function ulid(): string {
  let ms = Date.now();
  let timePart = '';
  for (let i = 0; i < 10; i += 1) {
    timePart = CROCKFORD[ms % 32] + timePart;
    ms = Math.floor(ms / 32);
  }
  const random = randomBytes(16);
  let randomPart = '';
  for (let i = 0; i < 16; i += 1) randomPart += CROCKFORD[random[i] % 32];
  return timePart + randomPart;
}

function ksuid(): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(Date.now() / 1000) - KSUID_EPOCH_SECONDS, 0);
  randomBytes(16).copy(bytes, 4);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(27, '0');
}

const isNull = (v: unknown) => v === null || v === undefined;
const isEmptyString = (v: unknown) => typeof v === 'string' && v.length === 0;
const isBlank = (v: unknown) => typeof v === 'string' && v.trim().length === 0;

/** Java's Pattern.matches: the whole string must match. */
function javaMatches(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}

function raise(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): never {
  throw new ResolverError(String(message), errorType ?? null, data ?? null, errorInfo ?? null);
}

export const util = {
  error: raise,
  appendError(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown) {
    currentEvaluation().appendedErrors.push({
      message: String(message),
      errorType: errorType ?? null,
      data: data ?? null,
      errorInfo: errorInfo ?? null,
    });
  },
  unauthorized(): never {
    throw new ResolverError('Unauthorized', 'Unauthorized');
  },
  autoId: () => randomUUID(),
  autoUlid: ulid,
  autoKsuid: ksuid,
  authType: () => currentEvaluation().authType,
  escapeJavaScript: (s: string) => JSON.stringify(String(s)).slice(1, -1).replace(/'/g, "\\'"),
  urlEncode: (s: string) => encodeURIComponent(String(s)).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  urlDecode: (s: string) => decodeURIComponent(String(s).replace(/\+/g, ' ')),
  base64Encode: (s: string) => Buffer.from(String(s), 'utf8').toString('base64'),
  base64Decode: (s: string) => Buffer.from(String(s), 'base64').toString('utf8'),
  matches: (pattern: string, value: string) => javaMatches(pattern, value),
  isNull,
  isNullOrEmpty: (v: unknown) => isNull(v) || isEmptyString(v),
  isNullOrBlank: (v: unknown) => isNull(v) || isBlank(v),
  defaultIfNull: <T>(v: T, d: T) => (isNull(v) ? d : v),
  defaultIfNullOrEmpty: <T>(v: T, d: T) => (isNull(v) || isEmptyString(v) ? d : v),
  defaultIfNullOrBlank: <T>(v: T, d: T) => (isNull(v) || isBlank(v) ? d : v),
  isString: (v: unknown) => typeof v === 'string',
  isNumber: (v: unknown) => typeof v === 'number',
  isBoolean: (v: unknown) => typeof v === 'boolean',
  isList: (v: unknown) => Array.isArray(v),
  isMap: (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v),
  typeOf: (v: unknown) =>
    isNull(v) ? 'Null' : Array.isArray(v) ? 'List' : typeof v === 'object' ? 'Map' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'Object',
  time: {
    nowISO8601: () => time.epochMilliSecondsToISO8601(Date.now()),
    nowEpochSeconds: () => Math.floor(Date.now() / 1000),
    nowEpochMilliSeconds: () => Date.now(),
    nowFormatted: (format: string, timezone?: string) => time.formatEpochMillis(Date.now(), format, timezone),
    parseFormattedToEpochMilliSeconds: (text: string, format: string, timezone?: string) =>
      time.parseFormattedToEpochMillis(text, format, timezone),
    parseISO8601ToEpochMilliSeconds: (text: string) => time.parseISO8601ToEpochMilliSeconds(text),
    epochMilliSecondsToSeconds: (ms: number) => Math.floor(ms / 1000),
    epochMilliSecondsToISO8601: (ms: number) => time.epochMilliSecondsToISO8601(ms),
    epochMilliSecondsToFormatted: (ms: number, format: string, timezone?: string) => time.formatEpochMillis(ms, format, timezone),
  },
  str: {
    normalize: (s: string, form: string) => String(s).normalize(String(form).toUpperCase() as 'NFC'),
  },
  math: {
    roundNum: (n: number) => Math.round(n),
    minVal: (a: number, b: number) => Math.min(a, b),
    maxVal: (a: number, b: number) => Math.max(a, b),
    randomDouble: () => Math.random(),
    randomWithinRange: (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1)),
  },
  dynamodb: {
    toDynamoDB,
    toMapValues,
    toString: (s: string) => ({ S: s }),
    toStringSet: (list: string[]) => ({ SS: list }),
    toNumber: (n: number) => ({ N: n }),
    toNumberSet: (list: number[]) => ({ NS: list }),
    toBinary: (b: string) => ({ B: b }),
    toBinarySet: (list: string[]) => ({ BS: list }),
    toBoolean: (b: boolean) => ({ BOOL: b }),
    toNull: () => ({ NULL: null }),
    toList: (list: unknown[]) => ({ L: list.map(toDynamoDB) }),
    toMap: (object: Record<string, unknown>) => ({ M: toMapValues(object) }),
    toS3Object: (key: string, bucket: string, region: string, version?: string) => ({
      S: JSON.stringify({ s3: { key, bucket, region, ...(version ? { version } : {}) } }),
    }),
    fromS3ObjectJson: (text: string) => (JSON.parse(text) as { s3: Record<string, string> }).s3,
  },
  transform: {
    toDynamoDBFilterExpression: (filter: Record<string, unknown>) => JSON.stringify(filterExpression(filter)),
    toDynamoDBConditionExpression: (condition: Record<string, unknown>) => JSON.stringify(filterExpression(condition)),
  },
};
