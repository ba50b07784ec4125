// A function URL request (payload format 2.0) as the routes read it: method, path, query,
// headers (names lower-cased, as Lambda hands them over) and the body as text. Lambda base64-encodes
// bodies it takes for binary, form posts among them.
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-request-payload
import type { LambdaFunctionURLEvent } from 'aws-lambda';

export type HttpRequest = {
  method: string;
  /** Still percent-encoded, without the query string. */
  path: string;
  /** The raw query string (no `?`), still percent-encoded; absent without one. */
  query?: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
};

export function httpRequestOf(event: LambdaFunctionURLEvent): HttpRequest {
  const raw = event.body ?? '';
  return {
    method: (event.requestContext?.http?.method ?? 'GET').toUpperCase(),
    path: event.rawPath || '/',
    query: event.rawQueryString || undefined,
    headers: event.headers ?? {},
    body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw,
  };
}
