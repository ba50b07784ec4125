// A function URL's CORS configuration at work. With Cors configured, Lambda answers browsers'
// preflight requests itself (the function is not invoked) and "automatically adds the CORS
// headers to all responses through the function URL"; where the function sets the same
// headers, "the configured CORS headers on the function URL take precedence". Without Cors,
// an OPTIONS request is an ordinary request to the function.
// https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors
// https://docs.aws.amazon.com/lambda/latest/api/API_Cors.html
// Not documented, so local choices: a preflight is an OPTIONS request with Origin and
// Access-Control-Request-Method; it is answered 200 with an empty body; an origin or method
// the configuration does not allow gets no CORS headers (the browser then refuses the call).
import type { CorsConfig } from './options';

export type HeaderList = [string, string][];

export function isPreflight(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  return method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined;
}

function allowOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return cors.allowOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** The answer to a preflight request: its headers, empty when the origin or method is not allowed. */
export function preflightHeaders(cors: CorsConfig, headers: Record<string, string | string[] | undefined>): HeaderList {
  const origin = allowOrigin(cors, String(headers.origin));
  const method = String(headers['access-control-request-method']).toUpperCase();
  const methodAllowed = cors.allowMethods.some((m) => m === '*' || m.toUpperCase() === method);
  if (!origin || !methodAllowed) return [];
  const answer: HeaderList = [['access-control-allow-origin', origin]];
  if (cors.allowMethods.length > 0) answer.push(['access-control-allow-methods', cors.allowMethods.join(',')]);
  if (cors.allowHeaders.length > 0) {
    const requested = headers['access-control-request-headers'];
    const echo = cors.allowHeaders.includes('*') && requested !== undefined;
    answer.push(['access-control-allow-headers', echo ? String(requested) : cors.allowHeaders.join(',')]);
  }
  if (cors.allowCredentials) answer.push(['access-control-allow-credentials', 'true']);
  if (cors.maxAge !== undefined) answer.push(['access-control-max-age', String(cors.maxAge)]);
  return answer;
}

/** The function's response headers with the configured CORS headers in place of its own. */
export function withCorsHeaders(cors: CorsConfig, origin: string | undefined, headers: HeaderList): HeaderList {
  const allowed = allowOrigin(cors, origin);
  if (!allowed) return headers;
  const added: HeaderList = [['access-control-allow-origin', allowed]];
  if (cors.allowCredentials) added.push(['access-control-allow-credentials', 'true']);
  if (cors.exposeHeaders.length > 0) added.push(['access-control-expose-headers', cors.exposeHeaders.join(',')]);
  const owned = new Set(added.map(([name]) => name));
  return [...headers.filter(([name]) => !owned.has(name)), ...added];
}
