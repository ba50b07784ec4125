// Wire protocol of the local AppSync: POST /graphql as AppSync takes it (JSON body with
// query, variables, operationName; auth in x-api-key or Authorization), CORS as AppSync
// answers browsers, 401 UnauthorizedException before execution for a bad key or token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { Authenticator } from './auth/authenticate';
import { IamRequestRejected } from './auth/iamErrors';
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

export function appsyncRouter(api: LocalGraphqlApi, authenticator: Authenticator, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(200, CORS);
      res.end();
      return;
    }
    if (url.pathname !== '/graphql') return failure(res, 404, 'NotFoundException', `No route for ${url.pathname}: the API is at /graphql`);
    if (req.method !== 'POST') return failure(res, 405, 'BadRequestException', 'Send GraphQL requests as POST /graphql');

    let request: GraphqlRequest;
    let raw: Buffer;
    try {
      raw = await readBody(req, MAX_REQUEST_BYTES);
      const body = JSON.parse(raw.toString('utf8')) as GraphqlRequest;
      if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') throw new Error('no query');
      request = body;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return failure(res, 413, 'BadRequestException', `Request body exceeds ${MAX_REQUEST_BYTES} bytes`);
      return failure(res, 400, 'MalformedHttpRequestException', 'The body must be JSON: { "query": "...", "variables": { ... }, "operationName": "..." }');
    }

    const headers = plainHeaders(req);
    // A SigV4 signature covers the path and query exactly as sent, and the body's bytes.
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const signed = {
      kind: 'http' as const,
      method: req.method ?? 'POST',
      path: queryAt < 0 ? target : target.slice(0, queryAt),
      query: queryAt < 0 ? '' : target.slice(queryAt + 1),
      body: raw,
    };
    let auth;
    try {
      auth = await authenticator.authenticate(headers, sourceIps(req), signed);
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
    const result = await api.execute(request, auth, headers);
    sendJson(res, 200, result.body, { ...result.headers, ...CORS });
  };
}
