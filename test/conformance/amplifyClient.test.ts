// Amplify JS v6 against the local endpoint, unchanged: generateClient from aws-amplify/api in
// API key and Cognito user pool modes, a query, a mutation and a subscription that receives
// the mutation's result. Amplify opens wss://<its GraphQL host>/graphql/realtime for a
// non-AWS endpoint, so it talks to the HTTPS listener (certificate from the local CA,
// trusted through NODE_EXTRA_CA_CERTS set by the global setup). Node 20 has no global
// WebSocket: it gets the ws package's, as a browser would give it its own.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { decodeJWT } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { endpoints } from './helpers';

const PUBLISH = /* GraphQL */ `
  mutation Publish($room: String!, $body: String!, $priority: Int!) {
    publishMessage(room: $room, body: $body, priority: $priority) { id room body priority }
  }
`;
const ON_MESSAGE = /* GraphQL */ `
  subscription OnMessage($room: String) { onMessage(room: $room) { id room body priority } }
`;

let tokens: { idToken: string; accessToken: string };

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  const response = await fetch(endpoints().tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'amplify@example.com', groups: ['admins'] }),
  });
  tokens = (await response.json()) as typeof tokens;
  Amplify.configure(
    {
      API: {
        GraphQL: { endpoint: endpoints().graphqlHttpsUrl, region: endpoints().region, defaultAuthMode: 'apiKey', apiKey: endpoints().apiKey },
      },
    },
    {
      Auth: {
        // Tokens from the local issuer, the way an app plugs in its own token source.
        tokenProvider: {
          getTokens: async () => ({ accessToken: decodeJWT(tokens.accessToken), idToken: decodeJWT(tokens.idToken) }),
        },
      },
    },
  );
});

afterAll(() => {
  delete (globalThis as { WebSocket?: unknown }).WebSocket;
});

type AuthMode = 'apiKey' | 'userPool';
type Operation = { query: string; variables?: Record<string, unknown>; authMode: AuthMode };
type Observable = { subscribe(o: { next(value: { data: Record<string, any> }): void; error(e: unknown): void }): { unsubscribe(): void } };

/** Amplify's client, typed loosely: its generated typings are too deep for a schema-less test. */
function amplifyClient() {
  const client = generateClient();
  return {
    run: (op: Operation) => client.graphql(op as never) as unknown as Promise<{ data: Record<string, any> }>,
    subscribe: (op: Operation) => client.graphql(op as never) as unknown as Observable,
  };
}

/** Publishes until the subscriber has a message: Amplify reports no start_ack to the app. */
async function publishUntil(client: ReturnType<typeof amplifyClient>, received: () => boolean, room: string, authMode: AuthMode) {
  for (let i = 0; i < 60 && !received(); i += 1) {
    await client.run({ query: PUBLISH, variables: { room, body: 'hello', priority: 2 }, authMode });
    await new Promise((r) => setTimeout(r, 150));
  }
}

for (const authMode of ['apiKey', 'userPool'] as const) {
  describe(`Amplify v6 in ${authMode} mode`, () => {
    it('runs a query', async () => {
      const result = await amplifyClient().run({ query: '{ echo(message: "from amplify") { message } }', authMode });
      expect(result.data.echo.message).toBe('from amplify');
    });

    it('runs a mutation', async () => {
      const result = await amplifyClient().run({ query: PUBLISH, variables: { room: 'amp', body: 'hi', priority: 1 }, authMode });
      expect(result.data.publishMessage).toMatchObject({ room: 'amp', body: 'hi' });
    });

    it("receives the mutation's result on a subscription", async () => {
      const client = amplifyClient();
      const room = `amplify-${authMode}`;
      const received: { room: string; body: string }[] = [];
      const failures: unknown[] = [];
      const subscription = client
        .subscribe({ query: ON_MESSAGE, variables: { room }, authMode })
        .subscribe({ next: (value) => received.push(value.data.onMessage), error: (e) => failures.push(e) });
      try {
        await publishUntil(client, () => received.length > 0 || failures.length > 0, room, authMode);
        expect(failures).toEqual([]);
        expect(received[0]).toMatchObject({ room, body: 'hello' });
      } finally {
        subscription.unsubscribe();
      }
    });
  });
}
