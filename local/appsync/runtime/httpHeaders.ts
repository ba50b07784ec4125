// util.http: copy request headers for an HTTP data source, and add response headers with
// AWS's restrictions. A refused header is ignored and yields a `ResponseHeaderError` in the
// operation's `errors`; evaluation goes on.
// https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html
import { currentEvaluation } from './evaluation';

/** Left out by copyHeaders, and refused as response headers. */
export const RESTRICTED_HEADERS = [
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'content-length',
];

/** Also refused as response headers. */
export const RESTRICTED_RESPONSE_HEADERS = [
  ...RESTRICTED_HEADERS,
  'access-control-allow-credentials',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'content-type',
];

export const RESTRICTED_RESPONSE_PREFIXES = ['x-amzn-', 'x-amz-'];

/** "The size of custom response headers can't exceed 4 KB. This includes header names and values." */
export const MAX_RESPONSE_HEADER_BYTES = 4096;

export const RESPONSE_HEADER_ERROR = 'ResponseHeaderError';

// Bytes counted per response-header map: "All headers count towards the header size limit
// regardless of naming", so a redefined header still counts its earlier definitions.
const bytesUsed = new WeakMap<Record<string, string>, number>();

export function copyHeaders(headers: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!RESTRICTED_HEADERS.includes(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/** How a header value (an Object) is written; objects as JSON (AWS does not say). */
function headerText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function refusal(name: unknown, value: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim().length === 0) return 'Response header names must be non-empty strings';
  const lower = name.toLowerCase();
  if (RESTRICTED_RESPONSE_HEADERS.includes(lower)) return `Response header ${name} is restricted`;
  if (RESTRICTED_RESPONSE_PREFIXES.some((prefix) => lower.startsWith(prefix))) return `Response header ${name} uses a restricted prefix (x-amzn-, x-amz-)`;
  if (value === null || value === undefined) return `Response header ${name} has a null value`;
  return undefined;
}

export function addResponseHeader(name: unknown, value: unknown): void {
  const evaluation = currentEvaluation();
  const problem = refusal(name, value);
  const headers = (evaluation.responseHeaders ??= {});
  const text = problem ? '' : headerText(value);
  const size = problem ? 0 : Buffer.byteLength(`${String(name)}${text}`, 'utf8');
  const used = bytesUsed.get(headers) ?? 0;
  const message = problem ?? (used + size > MAX_RESPONSE_HEADER_BYTES ? `Custom response headers exceed ${MAX_RESPONSE_HEADER_BYTES} bytes; ${String(name)} was not added` : undefined);
  if (message) {
    evaluation.appendedErrors.push({ message, errorType: RESPONSE_HEADER_ERROR, data: null, errorInfo: null });
    return;
  }
  bytesUsed.set(headers, used + size);
  // Header names are case-insensitive: a redefinition replaces the earlier spelling.
  for (const key of Object.keys(headers)) if (key.toLowerCase() === String(name).toLowerCase()) delete headers[key];
  headers[String(name)] = text;
}

export function addResponseHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(headers ?? {})) addResponseHeader(name, value);
}
