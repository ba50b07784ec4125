// Clients of the conformance stack: GraphQL over HTTP, tokens, and a raw AppSync realtime
// WebSocket client that records every frame, for protocol-level assertions.
import { inject } from 'vitest';
import WebSocket from 'ws';

export function endpoints() {
  return inject('conformance');
}

export type Result = { status: number; data?: any; errors?: any[] };

export async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { 'x-api-key': endpoints().apiKey }): Promise<Result> {
  const response = await fetch(endpoints().graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export async function idToken(request: { email: string; groups?: string[] }): Promise<string> {
  const response = await fetch(endpoints().tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  return ((await response.json()) as { idToken: string }).idToken;
}

export const apiKeyAuth = () => ({ host: new URL(endpoints().graphqlUrl).host, 'x-api-key': endpoints().apiKey });

type Frame = { type: string; id?: string; payload?: any };

/** A raw AppSync realtime connection (subprotocol graphql-ws). */
export class RealtimeClient {
  readonly frames: Frame[] = [];
  private readonly waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  readonly socket: WebSocket;
  closed: { code: number } | null = null;

  constructor(auth: Record<string, string>, style: 'query' | 'subprotocol' = 'query') {
    const encoded = Buffer.from(JSON.stringify(auth));
    const url =
      style === 'query'
        ? `${endpoints().realtimeUrl}?header=${encodeURIComponent(encoded.toString('base64'))}&payload=e30=`
        : endpoints().realtimeUrl;
    const protocols = style === 'query' ? ['graphql-ws'] : ['graphql-ws', `header-${encoded.toString('base64url')}`];
    this.socket = new WebSocket(url, protocols);
    this.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
    this.socket.on('close', (code) => (this.closed = { code }));
  }

  async open(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) return;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(frame: Frame) {
    this.socket.send(JSON.stringify(frame));
  }

  /** The next frame (already received or to come) that matches. */
  next(match: (f: Frame) => boolean, timeoutMs = 5_000): Promise<Frame> {
    const seen = this.frames.find((f) => match(f) && !this.consumed.has(f));
    if (seen) {
      this.consumed.add(seen);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({
        match: (f) => match(f) && !this.consumed.has(f),
        resolve: (f) => {
          clearTimeout(timer);
          this.consumed.add(f);
          resolve(f);
        },
      });
    });
  }

  private readonly consumed = new Set<Frame>();

  async init(): Promise<Frame> {
    await this.open();
    this.send({ type: 'connection_init' });
    return this.next((f) => f.type === 'connection_ack' || f.type === 'connection_error');
  }

  async start(id: string, query: string, variables: Record<string, unknown> = {}, authorization: Record<string, string> = apiKeyAuth()): Promise<Frame> {
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
    return this.next((f) => f.id === id && (f.type === 'start_ack' || f.type === 'error'));
  }

  data(id: string, timeoutMs?: number) {
    return this.next((f) => f.id === id && f.type === 'data', timeoutMs);
  }

  close() {
    this.socket.close();
  }
}

/** Resolves after `ms`: used only to show that nothing arrives. */
export const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
