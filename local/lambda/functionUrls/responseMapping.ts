// How a function URL turns what the function returned into the HTTP response, as Lambda
// documents it (the payload format 2.0 response of API Gateway HTTP APIs):
// - an object with `statusCode`: that status, its `headers`, `cookies` as one Set-Cookie header
//   each, `body` (base64-decoded when `isBase64Encoded` is true);
// - anything else ("If your function returns valid JSON and doesn't return a statusCode"):
//   status 200, content-type application/json, the returned value as the JSON body, so a
//   returned string arrives in quotes ("Hello, world!" is 15 bytes on the wire).
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-response-payload
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-cookies
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response
// A response Lambda cannot read is a 502, as API Gateway answers a malformed proxy response
// (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html); exactly which
// shapes the function URL front end refuses is not documented, so the checks below are the
// local reading of the documented format.

export type MappedResponse = {
  statusCode: number;
  /** In order; Set-Cookie may repeat. */
  headers: [string, string][];
  body: Buffer;
};

/** A returned value that is not a response Lambda can send. */
export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

/**
 * Content-Type of a structured response that sets none. Not documented for function URLs; the
 * inferred format's application/json is assumed (local choice).
 */
export const DEFAULT_CONTENT_TYPE = 'application/json';

/**
 * Headers of the connection and the message framing, which the HTTP layer sets: a function's
 * own would contradict the body actually sent (RFC 9110 section 7.6.1 lists the hop-by-hop
 * ones). That the front end drops them is the local reading, not documented for function URLs.
 */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer']);

export function httpResponseOf(result: unknown): MappedResponse {
  if (!result || typeof result !== 'object' || Array.isArray(result) || !('statusCode' in result)) {
    return { statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from(JSON.stringify(result ?? null), 'utf8') };
  }
  const response = result as { statusCode?: unknown; headers?: unknown; cookies?: unknown; body?: unknown; isBase64Encoded?: unknown };
  const statusCode = Number(response.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) throw new MalformedResponse(`statusCode ${JSON.stringify(response.statusCode)} is not an HTTP status`);

  const headers: [string, string][] = [];
  if (response.headers !== undefined && response.headers !== null) {
    if (typeof response.headers !== 'object' || Array.isArray(response.headers)) throw new MalformedResponse('headers must be an object of strings');
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object') throw new MalformedResponse(`header ${name} must be a string`);
      if (!FRAMING_HEADERS.has(name.toLowerCase())) headers.push([name.toLowerCase(), String(value)]);
    }
  }
  if (!headers.some(([name]) => name === 'content-type')) headers.push(['content-type', DEFAULT_CONTENT_TYPE]);
  if (response.cookies !== undefined && response.cookies !== null) {
    if (!Array.isArray(response.cookies) || response.cookies.some((c) => typeof c !== 'string')) throw new MalformedResponse('cookies must be a list of strings');
    for (const cookie of response.cookies as string[]) headers.push(['set-cookie', cookie]);
  }

  let body = Buffer.alloc(0);
  if (response.body !== undefined && response.body !== null) {
    if (typeof response.body !== 'string') throw new MalformedResponse('body must be a string');
    body = response.isBase64Encoded === true ? Buffer.from(response.body, 'base64') : Buffer.from(response.body, 'utf8');
  }
  return { statusCode, headers, body };
}
