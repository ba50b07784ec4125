// Signing in: locally, an email exchanged for an ID token at the local issuer's token URL
// (as `npm run token` does; a new email plays the sign-up); elsewhere, an ID token pasted in.
// The session lives in sessionStorage: one tab, gone when it closes.
export type Session = { email: string | null; idToken: string; expiresAt: number };
export type SessionStore = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };

const KEY = 'rsvp-dashboard-session';
/** Renew this long before the token expires, so a request in flight does not carry a dead one. */
const RENEW_BEFORE_MS = 60_000;

export function loadSession(store: SessionStore): Session | null {
  try {
    const session = JSON.parse(store.getItem(KEY) ?? 'null') as Session | null;
    return session && typeof session.idToken === 'string' ? session : null;
  } catch {
    return null;
  }
}

export const saveSession = (store: SessionStore, session: Session) => store.setItem(KEY, JSON.stringify(session));
export const clearSession = (store: SessionStore) => store.removeItem(KEY);
export const needsRenewal = (session: Session, now: number) => session.expiresAt - RENEW_BEFORE_MS <= now;

export async function signInWithEmail(tokenUrl: string, email: string, now: number): Promise<Session> {
  const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  const body = (await response.json().catch(() => ({}))) as { idToken?: string; expiresIn?: number; message?: string };
  if (!response.ok || !body.idToken) throw new Error(body.message ?? `the token URL answered HTTP ${response.status}`);
  return { email, idToken: body.idToken, expiresAt: now + (body.expiresIn ?? 3600) * 1000 };
}

/** A pasted token: its expiry read from the JWT's `exp` claim (not verified here; the API does that). */
export function sessionFromToken(idToken: string): Session {
  const [, claims] = idToken.trim().split('.');
  if (!claims) throw new Error('That is not a JWT.');
  const { exp, email } = JSON.parse(atob(claims.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number; email?: string };
  return { email: email ?? null, idToken: idToken.trim(), expiresAt: (exp ?? 0) * 1000 };
}
