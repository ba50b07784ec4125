// The standard `graphql-transport-ws` protocol, driven by the graphql-ws package's own client
// (https://github.com/enisdenjo/graphql-ws, PROTOCOL.md): the local endpoint works with it unchanged.
import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { endpoints, graphql, idToken } from './helpers';

const clients: Client[] = [];
function client(connectionParams: Record<string, string>) {
  const c = createClient({ url: endpoints().wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});

function once<T>(c: Client, query: string): Promise<T> {
  return new Promise((resolve, reject) => {
    c.subscribe<T>({ query }, { next: (value) => resolve(value as T), error: reject, complete: () => undefined });
  });
}

/** Publishes until the subscriber has seen a message: the subscribe frame carries no acknowledgement. */
async function publishUntil(received: () => boolean, room: string) {
  for (let i = 0; i < 50 && !received(); i += 1) {
    await graphql('mutation ($room: String!) { publishMessage(room: $room, body: "ping", priority: 1) { id room body priority } }', { room });
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('graphql-ws client', () => {
  it('runs queries and mutations over the socket with an API key', async () => {
    const c = client({ 'x-api-key': endpoints().apiKey });
    const result = await once<{ data: { books: { id: string }[] } }>(c, '{ books(count: 2) { id } }');
    expect(result).toEqual({ data: { books: [{ id: 'book-0' }, { id: 'book-1' }] } });
  });

  it('streams subscription results as next messages, and completes on dispose', async () => {
    const c = client({ 'x-api-key': endpoints().apiKey });
    const seen: unknown[] = [];
    let completed = false;
    const dispose = c.subscribe(
      { query: 'subscription { onMessage(room: "ws-room") { room body } }' },
      { next: (value) => seen.push(value), error: (e) => seen.push({ error: e }), complete: () => (completed = true) },
    );
    await publishUntil(() => seen.length > 0, 'ws-room');
    expect(seen[0]).toEqual({ data: { onMessage: { room: 'ws-room', body: 'ping' } } });
    dispose();
    await vi.waitFor(() => expect(completed).toBe(true));
  });

  it('authenticates with a Cognito token in connection_init, and refuses a bad one', async () => {
    const token = await idToken({ email: 'graphql-ws@example.com', groups: ['admins'] });
    const ok = client({ Authorization: token });
    expect(await once(ok, '{ adminSecret }')).toEqual({ data: { adminSecret: 'the admins know' } });
    const bad = client({ Authorization: 'not-a-token' });
    await expect(once(bad, '{ adminSecret }')).rejects.toMatchObject({ code: 4403 });
  });

  it('reports an operation error with AppSync error types in extensions', async () => {
    const c = client({ 'x-api-key': endpoints().apiKey });
    const error = await new Promise<unknown>((resolve) => {
      c.subscribe({ query: 'subscription { onAdminMessage { id } }' }, { next: () => undefined, error: resolve, complete: () => undefined });
    });
    expect(error).toEqual([expect.objectContaining({ message: 'Not Authorized to access onAdminMessage on type Subscription', extensions: expect.objectContaining({ errorType: 'Unauthorized' }) })]);
  });
});
