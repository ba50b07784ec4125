// The links function's route table: a method and a path pattern per route, the pattern's
// groups handed to the route percent-decoded. HEAD is answered as GET without a body. A path
// no route matches is a 404; a path some route matches with another method a 405 naming the
// methods it has. Routes are added by listing them (handler.ts: unsubscribe, rsvp).
import type { HttpResponse } from './htmlResponse';
import type { HttpRequest } from './httpRequest';

export type Route = {
  method: 'GET' | 'POST';
  /** Matched against the whole percent-encoded path. */
  pattern: RegExp;
  handle(request: HttpRequest, params: string[]): Promise<HttpResponse>;
};

export type Fallbacks = {
  notFound(): HttpResponse;
  methodNotAllowed(allowed: string[]): HttpResponse;
  /** A path parameter that does not percent-decode. */
  badRequest(): HttpResponse;
};

export async function routeRequest(routes: readonly Route[], request: HttpRequest, fallbacks: Fallbacks): Promise<HttpResponse> {
  const head = request.method === 'HEAD';
  const method = head ? 'GET' : request.method;
  const matching = routes.map((route) => ({ route, match: route.pattern.exec(request.path) })).filter((m) => m.match !== null);
  if (matching.length === 0) return withoutBody(fallbacks.notFound(), head);
  const chosen = matching.find((m) => m.route.method === method);
  if (!chosen) {
    const allowed = [...new Set(matching.flatMap((m) => (m.route.method === 'GET' ? ['GET', 'HEAD'] : [m.route.method])))];
    return withoutBody(fallbacks.methodNotAllowed(allowed), head);
  }
  const params = chosen.match!.slice(1).map((p) => decode(p ?? ''));
  if (params.some((p) => p === null)) return withoutBody(fallbacks.badRequest(), head);
  return withoutBody(await chosen.route.handle(request, params as string[]), head);
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function withoutBody(response: HttpResponse, head: boolean): HttpResponse {
  return head ? { ...response, body: '' } : response;
}
