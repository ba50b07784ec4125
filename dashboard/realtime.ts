// AppSync's realtime protocol (subprotocol `graphql-ws`, not graphql-ws's
// `graphql-transport-ws`) from a browser WebSocket, for subscriptions that outlive the
// connection: /work/shared/reference/appsync.md section 9 and
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
//   connect with subprotocols ["graphql-ws", "header-<base64url auth>"] -> connection_init
//   connection_ack { connectionTimeoutMs } -> start { id, payload } per subscription
//   start_ack / data / error / complete; ka while idle
// A connection that closes, fails or stays silent longer than connectionTimeoutMs is opened
// again after a growing delay (the server restarted, the laptop slept), and every
// subscription still wanted is started again. `onLive` fires each time all of them are
// acknowledged: what was published while the socket was down is lost (AppSync does not
// replay), so that is when the page reads the current state again.

/** How long Amplify waits for connection_ack and start_ack (CONNECTION_INIT_TIMEOUT). */
export const ACK_TIMEOUT_MS = 15_000;
/** When connection_ack names no connectionTimeoutMs: AppSync's announced value, Amplify's default. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 300_000;
/** Reconnect delays: doubling from the first, capped, with jitter so many pages do not return at once. */
export const RECONNECT_FIRST_MS = 500;
export const RECONNECT_MAX_MS = 10_000;

export type AuthHeaders = Record<string, string>;
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';
export type SubscriptionError = { errorType?: string; message?: string };

type Payload = { data?: Record<string, unknown> | null; errors?: SubscriptionError[]; connectionTimeoutMs?: number };
export type ServerMessage = { type: string; id?: string; payload?: Payload };

/** base64url without padding of UTF-8 text: a subprotocol token may not hold `+`, `/` or `=`. */
export function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The WebSocket subprotocols that carry the connection's auth headers (what Amplify v6 sends). */
export function handshakeProtocols(auth: AuthHeaders): string[] {
  return ['graphql-ws', `header-${base64Url(JSON.stringify(auth))}`];
}

export function startMessage(id: string, query: string, variables: Record<string, unknown>, auth: AuthHeaders): string {
  return JSON.stringify({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: auth } } });
}

export const stopMessage = (id: string): string => JSON.stringify({ id, type: 'stop' });
export const initMessage = (): string => JSON.stringify({ type: 'connection_init' });

/** A server frame, or null for anything that is not one. */
export function parseMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  try {
    const message = JSON.parse(raw) as ServerMessage;
    return message && typeof message.type === 'string' ? message : null;
  } catch {
    return null;
  }
}

/**
 * The wait before reconnect attempt `attempt` (0 for the first): doubling from `firstMs`,
 * at most `maxMs`, then between half and all of it ("equal jitter"). `random` in [0, 1).
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, firstMs = RECONNECT_FIRST_MS, maxMs = RECONNECT_MAX_MS): number {
  const ceiling = Math.min(maxMs, firstMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The part of the browser's WebSocket this client uses (the `ws` package's class fits too). */
export type SocketLike = {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number): void;
};
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export type RealtimeOptions = {
  realtimeUrl: string;
  /** Auth headers for the handshake and each start (`{ host, Authorization }`), asked again at every connection. */
  authorization(): Promise<AuthHeaders>;
  onState?(state: ConnectionState, detail?: string): void;
  /** Every wanted subscription is acknowledged: after the first connection and after each reconnection. */
  onLive?(): void;
  socket?: SocketFactory;
  /** Overrides for tests. */
  firstDelayMs?: number;
  random?: () => number;
};

export type SubscriptionHandlers = {
  data(data: Record<string, unknown>): void;
  /** The server refused or ended the subscription: it is not started again. */
  error?(errors: SubscriptionError[]): void;
};

type Wanted = { id: string; query: string; variables: Record<string, unknown>; handlers: SubscriptionHandlers; acked: boolean };

const OPEN = 1;
const browserSocket: SocketFactory = (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike;

export class RealtimeClient {
  private socket: SocketLike | null = null;
  private auth: AuthHeaders = {};
  private readonly wanted = new Map<string, Wanted>();
  private attempt = 0;
  private nextId = 0;
  private closed = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS;

  constructor(private readonly options: RealtimeOptions) {}

  /** Starts (or keeps) a subscription across connections; the returned function stops it. */
  subscribe(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers): () => void {
    const id = `sub-${(this.nextId += 1)}-${Math.random().toString(36).slice(2, 10)}`;
    const wanted: Wanted = { id, query, variables, handlers, acked: false };
    this.wanted.set(id, wanted);
    if (this.isReady()) this.start(wanted);
    else if (!this.connecting && !this.socket && !this.retry) void this.connect();
    return () => {
      if (!this.wanted.delete(id)) return;
      if (this.isReady()) this.socket!.send(stopMessage(id));
    };
  }

  close(): void {
    this.closed = true;
    this.wanted.clear();
    clearTimeout(this.retry);
    clearTimeout(this.watchdog);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000);
    }
    this.options.onState?.('closed');
  }

  /** Between asking for auth and having a socket. */
  private connecting = false;
  /** connection_ack received on the current socket. */
  private ready = false;
  private isReady(): boolean {
    return this.ready && this.socket?.readyState === OPEN;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.retry = undefined;
    this.connecting = true;
    this.options.onState?.(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      this.auth = await this.options.authorization();
      socket = (this.options.socket ?? browserSocket)(this.options.realtimeUrl, handshakeProtocols(this.auth));
    } catch (error) {
      this.connecting = false;
      return this.dropped(`cannot connect (${(error as Error).message})`);
    }
    this.connecting = false;
    if (this.closed) return socket.close(1000);
    this.socket = socket;
    this.ready = false;
    this.listen(ACK_TIMEOUT_MS, 'no connection_ack');
    socket.onopen = () => socket.send(initMessage());
    socket.onmessage = (event) => this.receive(parseMessage(event.data));
    socket.onerror = () => undefined; // a close follows every error
    socket.onclose = () => this.dropped('the connection closed');
  }

  private receive(message: ServerMessage | null): void {
    if (!message) return;
    const wanted = message.id ? this.wanted.get(message.id) : undefined;
    switch (message.type) {
      case 'connection_ack':
        this.connectionTimeoutMs = message.payload?.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS;
        this.ready = true;
        this.attempt = 0;
        this.heard();
        for (const w of this.wanted.values()) this.start(w);
        if (this.wanted.size === 0) this.live();
        return;
      case 'ka':
        return this.heard();
      case 'start_ack':
        if (!wanted) return;
        wanted.acked = true;
        if ([...this.wanted.values()].every((w) => w.acked)) this.live();
        return;
      case 'data':
        this.heard();
        if (wanted && message.payload?.data) wanted.handlers.data(message.payload.data);
        return;
      case 'error':
      case 'complete':
        if (!wanted) return;
        this.wanted.delete(wanted.id);
        wanted.handlers.error?.(message.payload?.errors ?? [{ message: 'the server ended the subscription' }]);
        if ([...this.wanted.values()].every((w) => w.acked)) this.live();
        return;
      case 'connection_error': {
        const [first] = message.payload?.errors ?? [];
        // Retried like a drop: the next connection asks for fresh auth (an expired token is renewed).
        this.socket?.close(1000);
        return this.dropped(`refused: ${first?.errorType ?? ''} ${first?.message ?? ''}`.trim());
      }
    }
  }

  private start(wanted: Wanted): void {
    wanted.acked = false;
    this.socket!.send(startMessage(wanted.id, wanted.query, wanted.variables, this.auth));
  }

  private live(): void {
    this.options.onState?.('live');
    this.options.onLive?.();
  }

  /** Silence for longer than the server allows means the connection is gone (AppSync sends ka about once a minute). */
  private heard(): void {
    this.listen(this.connectionTimeoutMs, `no keep-alive for ${this.connectionTimeoutMs} ms`);
  }

  private listen(ms: number, reason: string): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.socket?.close(4000);
      this.dropped(reason);
    }, ms);
  }

  private dropped(reason: string): void {
    if (this.closed || this.retry) return;
    clearTimeout(this.watchdog);
    const socket = this.socket;
    if (socket) socket.onclose = socket.onmessage = socket.onopen = null;
    this.socket = null;
    this.ready = false;
    const delay = reconnectDelay(this.attempt, this.options.random, this.options.firstDelayMs);
    this.attempt += 1;
    this.options.onState?.('reconnecting', `${reason}; trying again in ${(delay / 1000).toFixed(1)} s`);
    this.retry = setTimeout(() => void this.connect(), delay);
  }
}
