// Verifies Cognito user pool tokens as AppSync and Cognito's verifier (aws-jwt-verify) do:
// ID and access tokens both accepted, RS256 signature checked against the issuer's JWKS,
// `iss`, `exp` and `token_use` checked, and the app client id (`aud` in ID tokens,
// `client_id` in access tokens) checked against the pool's clients and the API's
// AppIdClientRegex. https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { NOT_AUTHORIZED, UnauthorizedRequest } from './unauthorized';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type CognitoPoolTrust = {
  userPoolId: string;
  issuerUrl: string;
  clientIds: readonly string[];
  appIdClientRegex?: string;
};

/** Verified tokens kept, so that a client's next request skips the RSA check (~1 ms here). */
const VERIFIED_CACHE_SIZE = 1000;

export class CognitoTokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly clientPattern?: RegExp;
  private readonly verified = new Map<string, JWTPayload>();

  constructor(private readonly trust: CognitoPoolTrust) {
    this.jwks = createRemoteJWKSet(new URL(`${trust.issuerUrl}/.well-known/jwks.json`));
    this.clientPattern = trust.appIdClientRegex ? new RegExp(`^(?:${trust.appIdClientRegex})$`) : undefined;
  }

  async verify(token: string, now = Date.now()): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known) {
      // The same bytes verify the same way; only time can change the answer.
      if (typeof known.exp === 'number' && known.exp * 1000 > now) return known;
      this.verified.delete(token);
      throw new UnauthorizedRequest('Token has expired.');
    }
    const payload = await this.verifyUncached(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, payload);
    return payload;
  }

  private async verifyUncached(token: string): Promise<JWTPayload> {
    try {
      if (!JWT_SHAPE.test(token)) throw new Error('not a compact JWS');
      decodeJwt(token);
    } catch {
      throw new UnauthorizedRequest('Unable to parse JWT token.');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, { issuer: this.trust.issuerUrl, algorithms: ['RS256'] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthorizedRequest('Token has expired.');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
        throw new UnauthorizedRequest(NOT_AUTHORIZED, `token issuer ${String(decodeJwt(token).iss)} is not ${this.trust.issuerUrl}`);
      }
      throw new UnauthorizedRequest(NOT_AUTHORIZED, `token rejected: ${(error as Error).message}`);
    }
    const tokenUse = payload.token_use;
    if (tokenUse !== 'id' && tokenUse !== 'access') {
      throw new UnauthorizedRequest(NOT_AUTHORIZED, `token_use is ${String(tokenUse)}, not id or access`);
    }
    const clientId = String(tokenUse === 'id' ? payload.aud : payload.client_id);
    if (!this.trust.clientIds.includes(clientId)) {
      throw new UnauthorizedRequest(NOT_AUTHORIZED, `client ${clientId} is not an app client of user pool ${this.trust.userPoolId}`);
    }
    if (this.clientPattern && !this.clientPattern.test(clientId)) {
      throw new UnauthorizedRequest(NOT_AUTHORIZED, `client ${clientId} does not match the API's AppIdClientRegex`);
    }
    return payload;
  }
}

/** ctx.identity for a user pool caller (AppSync resolver context reference). */
export function userPoolIdentity(payload: JWTPayload, sourceIp: string[], defaultAuthStrategy: 'ALLOW' | 'DENY') {
  const groups = payload['cognito:groups'];
  return {
    sub: payload.sub,
    issuer: payload.iss,
    username: (payload['cognito:username'] ?? payload.username ?? payload.sub) as string,
    claims: payload,
    sourceIp,
    defaultAuthStrategy,
    groups: Array.isArray(groups) ? (groups as string[]) : null,
  };
}
