// The two sets of 1,000 WebSocket clients bench/fanout.bench.ts compares: subscribers on the
// local AppSync realtime endpoint (AppSync's realtime protocol, as
// cli/shared/appsyncSubscription.ts speaks it, without its timers), and plain `ws` clients of
// a plain `ws` server. Both hand every frame they receive to the same `onFrame`.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/** How many sockets open at once while connecting. */
const CONNECT_CONCURRENCY = 50;

export type FrameHandler = (raw: WebSocket.RawData) => void;

async function inBatches<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += CONNECT_CONCURRENCY) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - i) }, (_, j) => open(i + j)))));
  }
  return out;
}

/** One AppSync realtime subscription; resolves on start_ack, then passes every frame on. */
function subscribeOne(realtimeUrl: string, authorization: Record<string, string>, data: string, onFrame: FrameHandler): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const header = Buffer.from(JSON.stringify(authorization)).toString('base64');
    const socket = new WebSocket(`${realtimeUrl}?header=${encodeURIComponent(header)}&payload=e30=`, ['graphql-ws']);
    const id = randomUUID();
    const setup = (raw: WebSocket.RawData) => {
      const frame = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: unknown };
      if (frame.type === 'connection_ack') socket.send(JSON.stringify({ id, type: 'start', payload: { data, extensions: { authorization } } }));
      else if (frame.type === 'start_ack' && frame.id === id) {
        socket.off('message', setup);
        socket.on('message', onFrame);
        resolve(socket);
      } else if (frame.type === 'error' || frame.type === 'connection_error') reject(new Error(JSON.stringify(frame.payload)));
    };
    socket.on('message', setup);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('error', reject);
  });
}

export function appsyncSubscribers(
  count: number,
  options: { realtimeUrl: string; authorization: Record<string, string>; query: string; variables: Record<string, unknown> },
  onFrame: FrameHandler,
): Promise<WebSocket[]> {
  const data = JSON.stringify({ query: options.query, variables: options.variables });
  return inBatches(count, () => subscribeOne(options.realtimeUrl, options.authorization, data, onFrame));
}

/** A plain `ws` server on a free loopback port with `count` plain clients connected to it. */
export async function rawBroadcast(count: number, onFrame: FrameHandler): Promise<{ server: WebSocketServer; clients: WebSocket[]; close(): void }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = await inBatches(
    count,
    () =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.on('open', () => resolve(socket));
        socket.on('message', onFrame);
        socket.on('error', reject);
      }),
  );
  return {
    server,
    clients,
    close() {
      for (const c of clients) c.terminate();
      server.close();
    },
  };
}
