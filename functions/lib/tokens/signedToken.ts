// Tokens that stand for an attendee (RSVP by API and by link) or for an address and an
// organizer (one-click unsubscribe): the claims in the clear, signed with HMAC-SHA256 under
// the stack's token key (a Secrets Manager secret). The table stores no token, so a leaked
// table grants nothing, and the same token can be computed again for every later mail.
//
// Form: `<purpose letter><base64url(JSON claims)>.<base64url(HMAC)>`; the MAC covers the
// purpose too, so a token made for one purpose is refused for another.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'attendee' | 'unsubscribe';

const PREFIX: Record<TokenPurpose, string> = { attendee: 'a', unsubscribe: 'u' };

/** The two strings a token binds: (event id, address) or (organizer id, address). */
export type TokenClaims = [string, string];

export function signToken(key: Uint8Array, purpose: TokenPurpose, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${PREFIX[purpose]}${body}.${mac(key, purpose, body).toString('base64url')}`;
}

/** The claims of a token signed under `key` for `purpose`; null for anything else. */
export function verifyToken(key: Uint8Array, purpose: TokenPurpose, token: string): TokenClaims | null {
  if (typeof token !== 'string' || token.length > 2048 || !token.startsWith(PREFIX[purpose])) return null;
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const body = token.slice(1, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(key, purpose, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return Array.isArray(claims) && claims.length === 2 && claims.every((c) => typeof c === 'string' && c.length > 0) ? (claims as TokenClaims) : null;
  } catch {
    return null;
  }
}

function mac(key: Uint8Array, purpose: TokenPurpose, body: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}\n${body}`).digest();
}
