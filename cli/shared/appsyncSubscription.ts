// One subscription over AppSync's realtime WebSocket dialect (subprotocol `graphql-ws`, not
// the graphql-ws package's `graphql-transport-ws`), as "Building a real-time WebSocket client"
// describes it: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
//   connect with ?header=<base64 auth headers>&payload=e30=   ->  connection_init / connection_ack
//   start { id, payload: { data, extensions: { authorization } } }  ->  start_ack, then data ...
// `subscribe` resolves once the server acknowledged the start, so whatever is published after
// that reaches the handlers. A socket that closes or goes silent afterwards is reported once
// through `dropped`; the caller decides whether to carry on without it.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { SubscriptionError } from './errors';

/** How long Amplify waits for connection_ack and for start_ack (CONNECTION_INIT_TIMEOUT, START_ACK_TIMEOUT). */
export const ACK_TIMEOUT_MS = 15_000;
/** When connection_ack names no connectionTimeoutMs: AppSync's announced value, Amplify's default. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 300_000;

export type SubscriptionOptions = {
  realtimeUrl: string;
  /** Auth headers for the handshake and the start; for a user pool token `{ host, Authorization }`. */
  authorization: Record<string, string>;
  query: string;
  variables: Record<string, unknown>;
  ackTimeoutMs?: number;
};

export type SubscriptionPayload = { data?: Record<string, unknown> | null; errors?: { errorType?: string; message?: string }[] };

export type SubscriptionHandlers = {
  data(payload: SubscriptionPayload): void;
  /** The socket closed, failed or went silent after the start: no more data will come. */
  dropped(reason: string): void;
};

export type Subscription = { close(): void };

type Frame = { type?: string; id?: string; payload?: { connectionTimeoutMs?: number; errors?: { errorType?: string; message?: string }[] } & SubscriptionPayload };

export function subscribe(options: SubscriptionOptions, handlers: SubscriptionHandlers): Promise<Subscription> {
  return new Promise((resolve, reject) => {
    const header = Buffer.from(JSON.stringify(options.authorization)).toString('base64');
    const socket = new WebSocket(`${options.realtimeUrl}?header=${encodeURIComponent(header)}&payload=e30=`, ['graphql-ws']);
    const id = randomUUID();
    let started = false;
    let ended = false;
    let silence: NodeJS.Timeout | undefined;
    let connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS;

    const end = (error: SubscriptionError | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(ackTimer);
      clearTimeout(silence);
      if (socket.readyState === WebSocket.OPEN && started) socket.send(JSON.stringify({ type: 'stop', id }));
      if (error) socket.terminate();
      else socket.close(1000);
      if (!error) return;
      if (started) handlers.dropped(error.message);
      else reject(error);
    };
    const ackTimer = setTimeout(
      () => end(new SubscriptionError(null, `${options.realtimeUrl} did not acknowledge within ${options.ackTimeoutMs ?? ACK_TIMEOUT_MS} ms`)),
      options.ackTimeoutMs ?? ACK_TIMEOUT_MS,
    );
    // AppSync sends `ka` about once a minute; silence longer than connectionTimeoutMs means the connection is gone.
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => end(new SubscriptionError(null, `no keep-alive for ${connectionTimeoutMs} ms`)), connectionTimeoutMs);
    };

    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (raw) => {
      let frame: Frame;
      try {
        frame = JSON.parse(raw.toString()) as Frame;
      } catch {
        return;
      }
      const firstError = frame.payload?.errors?.[0];
      switch (frame.type) {
        case 'connection_ack':
          connectionTimeoutMs = frame.payload?.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS;
          heard();
          socket.send(
            JSON.stringify({
              id,
              type: 'start',
              payload: { data: JSON.stringify({ query: options.query, variables: options.variables }), extensions: { authorization: options.authorization } },
            }),
          );
          return;
        case 'connection_error':
          return end(new SubscriptionError(firstError?.errorType ?? null, firstError?.message ?? 'connection refused'));
        case 'ka':
          return heard();
        case 'start_ack':
          if (frame.id !== id) return;
          started = true;
          clearTimeout(ackTimer);
          resolve({ close: () => end(null) });
          return;
        case 'data':
          if (frame.id !== id) return;
          heard();
          handlers.data(frame.payload ?? {});
          return;
        case 'error':
          if (frame.id !== undefined && frame.id !== id) return;
          return end(new SubscriptionError(firstError?.errorType ?? null, firstError?.message ?? 'the server refused the subscription'));
        case 'complete':
          if (frame.id === id) end(new SubscriptionError(null, 'the server ended the subscription'));
          return;
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      end(new SubscriptionError(null, `cannot reach ${options.realtimeUrl} (${error.code ?? error.message})`)),
    );
    socket.on('close', (code) => end(new SubscriptionError(null, `the realtime socket closed (code ${code})`)));
  });
}
