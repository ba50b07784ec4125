// The dashboard's realtime client (dashboard/realtime.ts, run here with the `ws` package's
// WebSocket) against a small server speaking AppSync's dialect, which is stopped and started
// again on the same port, as `npm run dev` restarts the stack.
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeClient, type ConnectionState, type SocketFactory } from '../../../dashboard/realtime';

type Frame = { type: string; id?: string; payload?: { data?: string; extensions?: { authorization?: Record<string, string> } } };

/** An AppSync-like realtime endpoint: acks, start_acks, and records what clients sent. */
class FakeRealtime {
  readonly received: Frame[] = [];
  readonly protocols: string[][] = [];
  private server!: WebSocketServer;
  constructor(private readonly options: { connectionTimeoutMs?: number; keepAlive?: boolean } = {}) {}

  async start(port = 0): Promise<number> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port, handleProtocols: (offered) => (offered.has('graphql-ws') ? 'graphql-ws' : false) });
    await new Promise<void>((resolve) => this.server.once('listening', () => resolve()));
    this.server.on('connection', (socket, req) => {
      this.protocols.push(String(req.headers['sec-websocket-protocol']).split(/,\s*/));
      socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as Frame;
        this.received.push(frame);
        if (frame.type === 'connection_init') {
          socket.send(JSON.stringify({ type: 'connection_ack', payload: { connectionTimeoutMs: this.options.connectionTimeoutMs ?? 300_000 } }));
          if (this.options.keepAlive !== false) socket.send(JSON.stringify({ type: 'ka' }));
        }
        if (frame.type === 'start') socket.send(JSON.stringify({ type: 'start_ack', id: frame.id }));
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Sends a data frame to every started subscription. */
  publish(data: Record<string, unknown>) {
    const ids = this.received.filter((f) => f.type === 'start').map((f) => f.id);
    for (const client of this.server.clients) for (const id of ids) client.send(JSON.stringify({ type: 'data', id, payload: { data } }));
  }

  async stop() {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const wsSocket: SocketFactory = (url, protocols) => new WebSocket(url, protocols) as unknown as ReturnType<SocketFactory>;
const servers: FakeRealtime[] = [];
const clients: RealtimeClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
});

function client(port: number, tokens: string[] = ['token-1']) {
  const states: ConnectionState[] = [];
  let lives = 0;
  let asked = 0;
  const realtime = new RealtimeClient({
    realtimeUrl: `ws://127.0.0.1:${port}/graphql/realtime`,
    authorization: async () => ({ host: `127.0.0.1:${port}`, Authorization: tokens[Math.min((asked += 1) - 1, tokens.length - 1)]! }),
    onState: (state) => states.push(state),
    onLive: () => void (lives += 1),
    socket: wsSocket,
    firstDelayMs: 50,
  });
  clients.push(realtime);
  return { realtime, states, lives: () => lives };
}

describe('the realtime client', () => {
  it('subscribes, and after the server went away and came back on the same port, subscribes again and receives', async () => {
    const server = new FakeRealtime();
    servers.push(server);
    const port = await server.start();
    const { realtime, states, lives } = client(port, ['token-1', 'token-2']);
    const received: unknown[] = [];
    realtime.subscribe('subscription { onX(eventId: "e1") { n } }', { eventId: 'e1' }, { data: (d) => received.push(d) });

    await expect.poll(lives).toBe(1);
    server.publish({ onX: { n: 1 } });
    await expect.poll(() => received).toEqual([{ onX: { n: 1 } }]);

    await server.stop();
    await expect.poll(() => states.at(-1)).toBe('reconnecting');
    const again = new FakeRealtime();
    servers.push(again);
    await again.start(port);

    await expect.poll(lives).toBe(2);
    expect(states.at(-1)).toBe('live');
    // The same subscription, started again with fresh auth on the handshake and in the start.
    const [restarted] = again.received.filter((f) => f.type === 'start');
    expect(JSON.parse(restarted!.payload!.data!)).toEqual({ query: 'subscription { onX(eventId: "e1") { n } }', variables: { eventId: 'e1' } });
    expect(restarted!.payload!.extensions!.authorization).toEqual({ host: `127.0.0.1:${port}`, Authorization: 'token-2' });
    const header = again.protocols[0]!.find((p) => p.startsWith('header-'))!;
    expect(JSON.parse(Buffer.from(header.slice(7), 'base64url').toString())).toEqual({ host: `127.0.0.1:${port}`, Authorization: 'token-2' });

    again.publish({ onX: { n: 2 } });
    await expect.poll(() => received).toEqual([{ onX: { n: 1 } }, { onX: { n: 2 } }]);
  });

  it('drops a connection that stays silent past connectionTimeoutMs and opens a new one', async () => {
    const server = new FakeRealtime({ connectionTimeoutMs: 200, keepAlive: false });
    servers.push(server);
    const port = await server.start();
    const { realtime, states } = client(port);
    realtime.subscribe('subscription { onX { n } }', {}, { data: () => undefined });

    // A second connection, and the subscription started on it.
    await expect.poll(() => server.received.filter((f) => f.type === 'start').length).toBeGreaterThanOrEqual(2);
    expect(server.protocols.length).toBeGreaterThanOrEqual(2);
    expect(states).toContain('reconnecting');
  });

  it('stops a subscription it no longer wants, and does not start it again after a reconnect', async () => {
    const server = new FakeRealtime();
    servers.push(server);
    const port = await server.start();
    const { realtime, lives } = client(port);
    const stop = realtime.subscribe('subscription { onX { n } }', {}, { data: () => undefined });
    realtime.subscribe('subscription { onY { n } }', {}, { data: () => undefined });
    await expect.poll(lives).toBe(1);
    stop();
    const [first] = server.received.filter((f) => f.type === 'start');
    await expect.poll(() => server.received.filter((f) => f.type === 'stop').map((f) => f.id)).toEqual([first!.id]);

    await server.stop();
    const again = new FakeRealtime();
    servers.push(again);
    await again.start(port);
    await expect.poll(lives).toBe(2);
    expect(again.received.filter((f) => f.type === 'start').map((f) => JSON.parse(f.payload!.data!).query)).toEqual(['subscription { onY { n } }']);
  });
});
