// The `util` object APPSYNC_JS handlers import from @aws-appsync/utils.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html and the pages of
// util.time, util.dynamodb, util.http, util.transform, util.str, util.xml linked from
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-util-reference-js.html
// util.rds is not emulated (no RDS data source locally).
import { toDynamoDB, toMapValues, type TypedValue } from './dynamodbValues';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding';
import { currentEvaluation } from './evaluation';
import { filterExpression } from './expressions';
import { addResponseHeader, addResponseHeaders, copyHeaders } from './httpHeaders';
import { autoId, autoKsuid, autoUlid } from './ids';
import { javaMatches } from './javaPattern';
import { toElasticsearchQueryDSL } from './openSearch';
import { ResolverError } from './signals';
import { toSubscriptionFilter } from './subscriptionFilter';
import * as time from './time';
import { xmlToJsonString, xmlToMap } from './xml';

type Obj = Record<string, unknown>;

const NORMALIZATION_FORMS = ['nfc', 'nfd', 'nfkc', 'nfkd'];

const isNull = (v: unknown) => v === null || v === undefined;
const isEmptyString = (v: unknown) => typeof v === 'string' && v.length === 0;
const isBlank = (v: unknown) => typeof v === 'string' && v.trim().length === 0;
const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The util.dynamodb typed converters return null for a null or undefined input (dynamodb-utils.d.ts). */
const orNull =
  <A, R>(convert: (value: A) => R) =>
  (value: A | null | undefined): R | null =>
    value === null || value === undefined ? null : convert(value);

/** util.dynamodb.toMapValues: null unless given a map. */
function mapValuesOrNull(object: Obj): Record<string, TypedValue>;
function mapValuesOrNull(object: Obj | null | undefined): Record<string, TypedValue> | null;
function mapValuesOrNull(object: Obj | null | undefined): Record<string, TypedValue> | null {
  return isMap(object) ? toMapValues(object as Obj) : null;
}

function raise(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): never {
  throw new ResolverError(String(message), errorType ?? null, data ?? null, errorInfo ?? null);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const util = deepFreeze({
  error: raise,
  appendError(message: string, errorType?: string | null, data?: unknown, errorInfo?: unknown): void {
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
  autoId,
  autoUlid: () => autoUlid(),
  autoKsuid: () => autoKsuid(),
  /** "IAM Authorization", "User Pool Authorization", "Open ID Connect Authorization", "API Key Authorization" (and Lambda). */
  authType: () => currentEvaluation().authType,
  escapeJavaScript,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
  /** Pattern.matches: Java regex syntax, the whole value must match. */
  matches: (pattern: string, value: string) => javaMatches(pattern, value),

  // The JS "Built-in utilities" page and the published d.ts list none of these; they are the
  // $util (VTL) null and type helpers, with its documented results. Kept for resolvers that
  // reach for them, but AppSync's APPSYNC_JS runtime may not have them.
  // https://docs.aws.amazon.com/appsync/latest/devguide/utility-helpers-in-util.html
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
  isMap,
  /** "Null", "Number", "String", "Map", "List", "Boolean", else "Object". */
  typeOf: (v: unknown) =>
    isNull(v) ? 'Null' : Array.isArray(v) ? 'List' : isMap(v) ? 'Map' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'Object',

  time: {
    nowISO8601: () => time.epochMilliSecondsToISO8601(Date.now()),
    nowEpochSeconds: () => Math.floor(Date.now() / 1000),
    nowEpochMilliSeconds: () => Date.now(),
    nowFormatted: (format: string, timezone?: string) => time.formatEpochMillis(Date.now(), format, timezone),
    parseFormattedToEpochMilliSeconds: (text: string, format: string, timezone?: string) => time.parseFormattedToEpochMillis(text, format, timezone),
    parseISO8601ToEpochMilliSeconds: (text: string) => time.parseISO8601ToEpochMilliSeconds(text),
    epochMilliSecondsToSeconds: (ms: number) => Math.floor(ms / 1000),
    epochMilliSecondsToISO8601: (ms: number) => time.epochMilliSecondsToISO8601(ms),
    epochMilliSecondsToFormatted: (ms: number, format: string, timezone?: string) => time.formatEpochMillis(ms, format, timezone),
  },
  str: {
    /** java.text.Normalizer with form "nfc", "nfd", "nfkc" or "nfkd". */
    normalize(value: string, form: string): string {
      const name = String(form).toLowerCase();
      if (!NORMALIZATION_FORMS.includes(name)) throw new Error(`util.str.normalize: ${form} is not one of ${NORMALIZATION_FORMS.join(', ')}`);
      return String(value).normalize(name.toUpperCase() as 'NFC');
    },
  },
  math: {
    /** Math.round: halves round up (towards positive infinity), as in Java. */
    roundNum: (n: number) => Math.round(n),
    minVal: (a: number, b: number) => Math.min(a, b),
    maxVal: (a: number, b: number) => Math.max(a, b),
    randomDouble: () => Math.random(),
    /** An integer from `low` to `high`, both included (the page does not say whether `high` is). */
    randomWithinRange: (low: number, high: number) => Math.floor(low) + Math.floor(Math.random() * (Math.floor(high) - Math.floor(low) + 1)),
  },
  dynamodb: {
    toDynamoDB,
    toMapValues: mapValuesOrNull,
    toString: orNull((s: string) => ({ S: s })),
    toStringSet: orNull((list: string[]) => ({ SS: list })),
    toNumber: orNull((n: number) => ({ N: n })),
    toNumberSet: orNull((list: number[]) => ({ NS: list })),
    toBinary: orNull((b: string) => ({ B: b })),
    toBinarySet: orNull((list: string[]) => ({ BS: list })),
    toBoolean: orNull((b: boolean) => ({ BOOL: b })),
    toNull: () => ({ NULL: null }),
    toList: orNull((list: unknown[]) => ({ L: list.map(toDynamoDB) })),
    toMap: (object: Obj | null | undefined) => (isMap(object) ? { M: toMapValues(object as Obj) } : null),
    toS3Object: (key: string, bucket: string, region: string, version?: string) => ({
      S: JSON.stringify({ s3: { key, bucket, region, ...(version !== undefined && version !== null ? { version } : {}) } }),
    }),
    fromS3ObjectJson: (text: string) => (JSON.parse(text) as { s3: Record<string, string> }).s3,
  },
  transform: {
    toDynamoDBFilterExpression: (filter: Obj) => JSON.stringify(filterExpression(filter)),
    toDynamoDBConditionExpression: (condition: Obj) => JSON.stringify(filterExpression(condition)),
    toElasticsearchQueryDSL,
    toSubscriptionFilter: (obj: Obj, ignoredFields?: string[], rules?: Obj) => toSubscriptionFilter(obj, ignoredFields, rules),
  },
  http: {
    copyHeaders,
    addResponseHeader,
    addResponseHeaders,
  },
  xml: {
    toMap: xmlToMap,
    toJsonString: (xml: string, stringEncode?: boolean) => xmlToJsonString(xml, stringEncode === true),
  },
});
