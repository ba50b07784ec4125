// A local stand-in for a Cognito user pool's token issuer: an RSA key pair (kept in the
// data directory unless in memory), its JWKS, and ID and access tokens shaped like
// Cognito's (claims per the Cognito developer guide, "Using the ID token" / "access token").
import { exportJWK, generateKeyPair, importJWK, SignJWT, calculateJwkThumbprint, type JWK } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyClaimChanges, NO_OVERRIDES, type TokenOverrides } from './tokenOverrides';

/** Cognito's default ID and access token validity. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

export type TokenRequest = {
  sub?: string;
  email?: string;
  username?: string;
  groups?: string[];
  clientId: string;
  /** Seconds until expiry; negative issues an already expired token (for tests). */
  expiresIn?: number;
};

/** What the local Cognito adds once it knows the user: verification state and trigger changes. */
export type IssueOptions = {
  emailVerified?: boolean;
  /** A pre token generation trigger's changes (tokenOverrides.ts). */
  overrides?: TokenOverrides;
};

/** The scope of access tokens from user-password sign-in. */
export const DEFAULT_ACCESS_SCOPE = 'aws.cognito.signin.user.admin';

export type SigningKey = { privateJwk: JWK; publicJwk: JWK; kid: string };

export async function loadOrCreateSigningKey(file?: string): Promise<SigningKey> {
  if (file && existsSync(file)) {
    const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    return keyFromPrivate(privateJwk);
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return keyFromPrivate(privateJwk);
}

async function keyFromPrivate(privateJwk: JWK): Promise<SigningKey> {
  const { kty, n, e } = privateJwk;
  const publicJwk: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateJwk, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' }, kid };
}

/** A stable sub for an email, so the same person gets the same id across token requests. */
export function subForEmail(email: string): string {
  const hex = createHash('sha256').update(`local-cognito:${email.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class UserPoolIssuer {
  constructor(
    readonly issuerUrl: string,
    private readonly key: SigningKey,
  ) {}

  jwks() {
    return { keys: [this.key.publicJwk] };
  }

  async issue(request: TokenRequest, options: IssueOptions = {}) {
    const overrides = options.overrides ?? NO_OVERRIDES;
    const sub = request.sub ?? (request.email ? subForEmail(request.email) : randomUUID());
    const username = request.username ?? sub;
    const now = Math.floor(Date.now() / 1000);
    const ttl = request.expiresIn ?? DEFAULT_TOKEN_TTL_SECONDS;
    const groupList = overrides.groups ?? request.groups ?? [];
    const groups = groupList.length > 0 ? { 'cognito:groups': groupList } : {};
    const originJti = randomUUID();
    const common = { sub, ...groups, origin_jti: originJti, event_id: randomUUID(), auth_time: now };
    const key = await importJWK(this.key.privateJwk, 'RS256');
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: this.key.kid })
        .setIssuer(this.issuerUrl)
        .setIssuedAt(now)
        .setExpirationTime(now + ttl)
        .setJti(randomUUID())
        .sign(key);
    const idClaims = applyClaimChanges(
      {
        ...common,
        aud: request.clientId,
        token_use: 'id',
        'cognito:username': username,
        ...(request.email ? { email: request.email, email_verified: options.emailVerified ?? true } : {}),
      },
      overrides.id,
    );
    const scopes = [DEFAULT_ACCESS_SCOPE, ...overrides.scopesToAdd].filter((scope, i, all) => all.indexOf(scope) === i && !overrides.scopesToSuppress.includes(scope));
    const accessClaims = applyClaimChanges(
      { ...common, client_id: request.clientId, token_use: 'access', scope: scopes.join(' '), username },
      overrides.access,
    );
    const idToken = await sign(idClaims);
    const accessToken = await sign(accessClaims);
    return { idToken, accessToken, expiresIn: ttl, tokenType: 'Bearer', sub };
  }
}
