// Wire protocol of the local Cognito issuer:
//   GET  /<userPoolId>/.well-known/jwks.json            the pool's signing keys (as Cognito serves them)
//   GET  /<userPoolId>/.well-known/openid-configuration  issuer metadata
//   POST /_local/tokens                                  mint ID and access tokens (local only; `npm run token`)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../shared/httpServer';
import type { TokenRequest } from './issuer';
import type { LocalCognito } from './localCognito';

const MAX_BODY_BYTES = 64 * 1024;

// The explorer page (another local origin) asks for tokens and JWKS from the browser.
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

export function cognitoRouter(cognito: LocalCognito) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
    if (req.method === 'GET' && wellKnown) {
      const pool = cognito.pool(decodeURIComponent(wellKnown[1]));
      if (!pool) return sendJson(res, 404, { message: `No user pool ${wellKnown[1]}` });
      if (wellKnown[2] === 'jwks.json') return sendJson(res, 200, pool.issuer.jwks());
      return sendJson(res, 200, {
        issuer: pool.issuer.issuerUrl,
        jwks_uri: `${pool.issuer.issuerUrl}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
      });
    }
    if (req.method === 'POST' && url.pathname === '/_local/tokens') {
      let body: Partial<TokenRequest> & { userPoolId?: string };
      try {
        body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8') || '{}');
      } catch {
        return sendJson(res, 400, { message: 'Body must be JSON: { sub?, email?, groups?, username?, expiresIn?, userPoolId?, clientId? }' });
      }
      try {
        return sendJson(res, 200, await cognito.issueTokens(body));
      } catch (error) {
        return sendJson(res, 400, { message: (error as Error).message });
      }
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  };
}
