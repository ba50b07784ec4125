import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../dashboard/config';
import { loadSession, needsRenewal, saveSession, sessionFromToken, type SessionStore } from '../../../dashboard/session';

function memoryStore(): SessionStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const jwt = (claims: object) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

describe('the dashboard session', () => {
  it('is kept in the store and read back', () => {
    const store = memoryStore();
    saveSession(store, { email: 'ada@example.com', idToken: 't', expiresAt: 5 });
    expect(loadSession(store)).toEqual({ email: 'ada@example.com', idToken: 't', expiresAt: 5 });
  });

  it('is absent when the store holds nothing usable', () => {
    const store = memoryStore();
    expect(loadSession(store)).toBeNull();
    store.items.set('rsvp-dashboard-session', '{not json');
    expect(loadSession(store)).toBeNull();
  });

  it('is renewed a minute before the token expires', () => {
    const session = { email: null, idToken: 't', expiresAt: 1_000_000 };
    expect(needsRenewal(session, 1_000_000 - 60_001)).toBe(false);
    expect(needsRenewal(session, 1_000_000 - 60_000)).toBe(true);
  });

  it('takes a pasted ID token with its expiry and email', () => {
    expect(sessionFromToken(` ${jwt({ exp: 1_900_000_000, email: 'ada@example.com' })}\n`)).toEqual({
      email: 'ada@example.com',
      idToken: jwt({ exp: 1_900_000_000, email: 'ada@example.com' }),
      expiresAt: 1_900_000_000_000,
    });
    expect(() => sessionFromToken('not a token')).toThrow('not a JWT');
  });
});

describe('the dashboard config', () => {
  it('needs the API and realtime URLs', () => {
    expect(parseConfig({ graphqlUrl: 'http://h/graphql', realtimeUrl: 'ws://h/graphql/realtime' })).toEqual({ graphqlUrl: 'http://h/graphql', realtimeUrl: 'ws://h/graphql/realtime' });
    expect(() => parseConfig({ graphqlUrl: 'http://h/graphql' })).toThrow('config.json needs realtimeUrl');
    expect(() => parseConfig(null)).toThrow('config.json needs graphqlUrl and realtimeUrl');
  });
});
