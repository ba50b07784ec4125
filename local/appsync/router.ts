// Wire protocol of the local AppSync:
//   POST /graphql   as AppSync takes it (JSON body with query, variables, operationName;
//                   auth in x-api-key or Authorization: a Cognito token or a SigV4 signature)
//   GET  /graphql?query=...&variables=...   queries only, for introspection tools
//   GET  /          the explorer page (explorer.ts), when one is mounted
// CORS as AppSync answers browsers; 401 UnauthorizedException (or the SigV4 error AppSync
// sends) before execution for a bad key, token or signature.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { AuthContext, Authenticator, SignedPart } from './auth/authenticate';
import { IamRequestRejected } from './auth/iam';
import { UnauthorizedRequest } from './auth/unauthorized';
import type { GraphqlRequest, LocalGraphqlApi } from './graphqlApi';

/** AppSync's limit on a request body (AppSync service quotas: "request payload size"). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
};

export type ExtraRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

function failure(res: ServerResponse, status: number, errorType: string, message: string) {
  sendJson(res, status, { errors: [{ errorType, message }] }, { ...CORS, 'x-amzn-errortype': errorType });
}

function plainHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function sourceIps(req: IncomingMessage): string[] {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((ip) => ip.trim())
    .filter(Boolean);
  return [...forwarded, peer].filter(Boolean);
}

/** What a SigV4 signature covers: the path and query exactly as sent, and the body's bytes. */
function signedPart(req: IncomingMessage, body: Buffer): SignedPart {
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  return {
    kind: 'http',
    method: req.method ?? 'POST',
    path: queryAt < 0 ? target : target.slice(0, queryAt),
    query: queryAt < 0 ? '' : target.slice(queryAt + 1),
    body,
  };
}

function parsePost(raw: Buffer): GraphqlRequest | null {
  try {
    const body = JSON.parse(raw.toString('utf8')) as GraphqlRequest;
    return body && typeof body === 'object' && !Array.isArray(body) && typeof body.query === 'string' ? body : null;
  } catch {
    return null;
  }
}

function parseGet(url: URL): GraphqlRequest | null {
  const query = url.searchParams.get('query');
  if (!query) return null;
  try {
    const variables = url.searchParams.get('variables');
    return { query, variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {}, operationName: url.searchParams.get('operationName') };
  } catch {
    return null;
  }
}

/** @param api the API serving now (a dev reload replaces it between requests) */
export function appsyncRouter(api: () => LocalGraphqlApi, authenticator: Authenticator, logger: Logger, extraRoutes: ExtraRoute[] = []) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(200, CORS);
      res.end();
      return;
    }
    if (url.pathname !== '/graphql') {
      if (extraRoutes.some((route) => route(req, res, url))) return;
      return failure(res, 404, 'NotFoundException', `No route for ${url.pathname}: the API is at /graphql`);
    }
    if (req.method !== 'POST' && req.method !== 'GET') return failure(res, 405, 'BadRequestException', 'Send GraphQL requests as POST /graphql');

    let raw: Buffer;
    try {
      raw = req.method === 'POST' ? await readBody(req, MAX_REQUEST_BYTES) : Buffer.alloc(0);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return failure(res, 413, 'BadRequestException', `Request body exceeds ${MAX_REQUEST_BYTES} bytes`);
      throw error;
    }
    const request = req.method === 'POST' ? parsePost(raw) : parseGet(url);
    if (!request) {
      return failure(
        res,
        400,
        'MalformedHttpRequestException',
        req.method === 'POST'
          ? 'The body must be JSON: { "query": "...", "variables": { ... }, "operationName": "..." }'
          : 'GET /graphql takes ?query=<query>[&variables=<JSON>][&operationName=<name>]',
      );
    }

    const headers = plainHeaders(req);
    let auth: AuthContext;
    try {
      auth = await authenticator.authenticate(headers, sourceIps(req), signedPart(req, raw));
    } catch (error) {
      if (error instanceof IamRequestRejected) {
        logger.info(`${error.status} ${error.reason}`);
        return failure(res, error.status, error.errorType, error.message);
      }
      if (error instanceof UnauthorizedRequest) {
        logger.info(`401 ${error.reason}`);
        return failure(res, 401, 'UnauthorizedException', error.message);
      }
      throw error;
    }
    const result = await api().execute(request, auth, headers, { readOnly: req.method === 'GET' });
    sendJson(res, 200, result.body, { ...result.headers, ...CORS });
  };
}
