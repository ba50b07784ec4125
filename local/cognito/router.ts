// Wire protocol of the local Cognito:
//   GET  /<userPoolId>/.well-known/jwks.json            the pool's signing keys (as Cognito serves them)
//   GET  /<userPoolId>/.well-known/openid-configuration  issuer metadata
//   POST /_local/tokens                                  ID and access tokens for a user (local only;
//                                                        `npm run token`); a new user is signed up first
//   POST /  (X-Amz-Target: AWSCognitoIdentityProviderService.*)  the user pools API subset (identityProviderRouter.ts)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import type { IamVerifier } from '../shared/sigv4/verifier';
import { CognitoError } from './errors';
import type { CognitoIdentityProvider } from './identityProvider';
import { identityProviderRoute, isIdentityProviderRequest } from './identityProviderRouter';
import type { LocalCognito, LocalTokenRequest } from './localCognito';

const MAX_BODY_BYTES = 64 * 1024;

// The explorer page (another local origin) asks for tokens and JWKS from the browser.
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

const SILENT: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export function cognitoRouter(
  cognito: LocalCognito,
  identityProvider?: { api: CognitoIdentityProvider; verifier: IamVerifier },
  logger: Logger = SILENT,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (identityProvider && isIdentityProviderRequest(req)) return identityProviderRoute(req, res, identityProvider.api, identityProvider.verifier, logger);
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
    if (req.method === 'GET' && wellKnown) {
      const pool = cognito.pool(decodeURIComponent(wellKnown[1]!));
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
      let body: LocalTokenRequest;
      try {
        body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8') || '{}');
      } catch {
        return sendJson(res, 400, { message: 'Body must be JSON: { sub?, email?, groups?, username?, expiresIn?, userPoolId?, clientId? }' });
      }
      try {
        return sendJson(res, 200, await cognito.issueTokens(body));
      } catch (error) {
        // A refused sign-up (a trigger's error) answers as Cognito would, plus `message` as before.
        if (error instanceof CognitoError) return sendJson(res, error.status, error.toJSON(), { 'x-amzn-errortype': error.errorType });
        return sendJson(res, 400, { message: (error as Error).message });
      }
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  };
}
