// AppSync's realtime WebSocket protocol, frame by frame, as "Building a real-time WebSocket
// client in AWS AppSync" specifies it: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
// and subscriptions as "Real-time data" describes them: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyAuth, endpoints, graphql, idToken, quietFor, RealtimeClient } from './helpers';

const ON_MESSAGE = 'subscription ($room: String, $priority: Int) { onMessage(room: $room, priority: $priority) { id room body priority tags } }';
const PUBLISH = 'mutation ($room: String!, $body: String!, $priority: Int!, $tags: [String!]) { publishMessage(room: $room, body: $body, priority: $priority, tags: $tags) { id room body priority tags } }';

const clients: RealtimeClient[] = [];
function connect(auth = apiKeyAuth(), style: 'query' | 'subprotocol' = 'query') {
  const client = new RealtimeClient(auth, style);
  clients.push(client);
  return client;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

const publish = (room: string, body: string, priority = 1, tags?: string[]) => graphql(PUBLISH, { room, body, priority, tags });

describe('handshake', () => {
  it('acknowledges connection_init with connectionTimeoutMs and sends keep-alives', async () => {
    const client = connect();
    const ack = await client.init();
    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect(client.socket.protocol).toBe('graphql-ws');
    await client.next((f) => f.type === 'ka');
  });

  it('accepts the auth headers as a header-<base64url> subprotocol, as Amplify sends them', async () => {
    const client = connect(apiKeyAuth(), 'subprotocol');
    expect((await client.init()).type).toBe('connection_ack');
    expect(client.socket.protocol).toBe('graphql-ws');
  });

  it('answers a bad API key with connection_error 401 and closes', async () => {
    const client = connect({ host: new URL(endpoints().graphqlUrl).host, 'x-api-key': 'da2-wrong' });
    const error = await client.init();
    expect(error).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 401 }] },
    });
    await quietFor(100);
    expect(client.closed).not.toBeNull();
  });
});

describe('start, data, stop', () => {
  it('delivers the mutation result to a subscriber whose arguments match, and not to others', async () => {
    const client = connect();
    await client.init();
    expect(await client.start('lobby', ON_MESSAGE, { room: 'lobby' })).toEqual({ type: 'start_ack', id: 'lobby' });
    expect((await client.start('kitchen', ON_MESSAGE, { room: 'kitchen' })).type).toBe('start_ack');
    expect((await client.start('any', ON_MESSAGE, {})).type).toBe('start_ack');
    const sent = await publish('lobby', 'hello lobby', 2, ['a']);
    const data = await client.data('lobby');
    expect(data).toEqual({ type: 'data', id: 'lobby', payload: { data: { onMessage: sent.data.publishMessage } } });
    expect((await client.data('any')).payload.data.onMessage.body).toBe('hello lobby');
    await quietFor(150);
    expect(client.frames.filter((f) => f.id === 'kitchen' && f.type === 'data')).toEqual([]);
  });

  it('filters on every argument given, and ignores arguments left out', async () => {
    const client = connect();
    await client.init();
    await client.start('p5', ON_MESSAGE, { room: 'ops', priority: 5 });
    await publish('ops', 'low', 1);
    await publish('ops', 'high', 5);
    expect((await client.data('p5')).payload.data.onMessage.body).toBe('high');
    await quietFor(100);
    expect(client.frames.filter((f) => f.type === 'data')).toHaveLength(1);
  });

  it('sends fields the mutation did not select as null', async () => {
    const client = connect();
    await client.init();
    await client.start('sel', ON_MESSAGE, { room: 'selection' });
    await graphql('mutation { publishMessage(room: "selection", body: "b", priority: 1, tags: ["x"]) { id room body priority } }');
    const data = await client.data('sel');
    expect(data.payload.data.onMessage).toMatchObject({ room: 'selection', body: 'b', tags: null });
  });

  it('stops a subscription on stop, answering complete', async () => {
    const client = connect();
    await client.init();
    await client.start('s', ON_MESSAGE, { room: 'stop' });
    client.send({ type: 'stop', id: 's' });
    expect(await client.next((f) => f.id === 's' && f.type === 'complete')).toEqual({ type: 'complete', id: 's' });
    await publish('stop', 'after stop');
    await quietFor(150);
    expect(client.frames.filter((f) => f.type === 'data')).toEqual([]);
  });

  it('refuses a start that is not a valid subscription', async () => {
    const client = connect();
    await client.init();
    const notSubscription = await client.start('q', '{ books(count: 1) { id } }');
    expect(notSubscription.type).toBe('error');
    const invalid = await client.start('v', 'subscription { onMessage(nope: 1) { id } }');
    expect(invalid).toMatchObject({ type: 'error', id: 'v' });
    expect(invalid.payload.errors[0].message).toContain('nope');
  });
});

describe('per-subscription authorization', () => {
  it('authorizes each start with its own headers, in any mode the API allows', async () => {
    const client = connect();
    await client.init();
    const user = await idToken({ email: 'sub-user@example.com' });
    const host = new URL(endpoints().graphqlUrl).host;
    expect((await client.start('user', ON_MESSAGE, { room: 'auth' }, { host, Authorization: user })).type).toBe('start_ack');
    const refused = await client.start('admin', 'subscription { onAdminMessage { id } }', {}, { host, Authorization: user });
    expect(refused).toMatchObject({ type: 'error', id: 'admin', payload: { errors: [{ errorType: 'Unauthorized' }] } });
    const admin = await idToken({ email: 'sub-admin@example.com', groups: ['admins'] });
    expect((await client.start('admin2', 'subscription { onAdminMessage { id } }', {}, { host, Authorization: admin })).type).toBe('start_ack');
    const bad = await client.start('bad', ON_MESSAGE, {}, { host, Authorization: 'not-a-token' });
    expect(bad).toMatchObject({ type: 'error', payload: { errors: [{ errorType: 'UnauthorizedException' }] } });
  });

  it("checks the subscriber's rights on each field of the payload", async () => {
    const client = connect();
    await client.init();
    const host = new URL(endpoints().graphqlUrl).host;
    const user = await idToken({ email: 'field-auth@example.com' });
    await client.start('u', 'subscription { onMessage(room: "fields") { id apiKeyOnly } }', {}, { host, Authorization: user });
    await client.start('k', 'subscription { onMessage(room: "fields") { id apiKeyOnly } }');
    await graphql('mutation { publishMessage(room: "fields", body: "b", priority: 1) { id room apiKeyOnly } }');
    const asUser = await client.data('u');
    expect(asUser.payload.data.onMessage.apiKeyOnly).toBeNull();
    expect(asUser.payload.errors[0]).toMatchObject({ errorType: 'Unauthorized', path: ['onMessage', 'apiKeyOnly'] });
    const asKey = await client.data('k');
    expect(asKey.payload.data.onMessage.apiKeyOnly).toBe('secret for API key callers');
  });
});

describe('enhanced filters and invalidation', () => {
  it('applies the filter the subscription resolver set with extensions.setSubscriptionFilter', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
    const client = connect();
    await client.init();
    expect((await client.start('urgent', 'subscription { onUrgentMessage(minPriority: 5) { body priority } }')).type).toBe('start_ack');
    await publish('any', 'routine', 3);
    await publish('any', 'urgent', 7);
    expect((await client.data('urgent')).payload.data.onUrgentMessage).toEqual({ body: 'urgent', priority: 7 });
    await quietFor(100);
    expect(client.frames.filter((f) => f.id === 'urgent' && f.type === 'data')).toHaveLength(1);
  });

  it('ends the subscriptions a mutation invalidates with extensions.invalidateSubscriptions', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html
    const client = connect();
    await client.init();
    await client.start('closing', 'subscription { onRoomMessage(room: "closing") { body } }');
    await client.start('staying', 'subscription { onRoomMessage(room: "staying") { body } }');
    expect((await graphql('mutation { closeRoom(room: "closing") }')).data).toEqual({ closeRoom: true });
    expect(await client.next((f) => f.id === 'closing' && f.type === 'complete')).toEqual({ type: 'complete', id: 'closing' });
    await publish('staying', 'still here');
    expect((await client.data('staying')).payload.data.onRoomMessage.body).toBe('still here');
  });
});
