// AppSync's realtime WebSocket dialect (subprotocol `graphql-ws`, not the graphql-ws
// package's `graphql-transport-ws`):
//   C->S connection_init              S->C connection_ack { connectionTimeoutMs }, then ka
//   C->S start { id, payload: { data: "<JSON query>", extensions: { authorization } } }
//   S->C start_ack { id } | error { id, payload: { errors } }
//   S->C data { id, payload: { data } }
//   C->S stop { id }                  S->C complete { id }
//   S->C connection_error { payload: { errors: [{ errorType, message, errorCode }] } }
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Logger } from '../../shared/logger';
import type { AuthContext, Authenticator } from '../auth/authenticate';
import { IamRequestRejected } from '../auth/iam';
import { UnauthorizedRequest } from '../auth/unauthorized';
import type { GraphqlRequest, LocalGraphqlApi } from '../graphqlApi';
import { handshakeHeaders, lowerCaseKeys, peerAddresses } from './handshakeAuth';
import { perPayload } from './perPayload';

/** What AppSync announces in connection_ack (Amplify's default is the same). */
export const CONNECTION_TIMEOUT_MS = 300_000;
/** AppSync sends a keep-alive about every minute. */
export const KEEP_ALIVE_MS = 60_000;
/** AppSync drops subscription payloads over 240 KB (AppSync service quotas). */
export const MAX_PAYLOAD_BYTES = 240 * 1024;

export type AppSyncProtocolOptions = {
  /** The API serving now: each start runs on the one serving when it arrives (a dev reload replaces it). */
  api: () => LocalGraphqlApi;
  authenticator: Authenticator;
  logger: Logger;
  keepAliveMs?: number;
};

/** Measured once per published result, not once per subscriber. */
const payloadBytes = perPayload((json) => Buffer.byteLength(json));

type Message = { type?: string; id?: string; payload?: { data?: string; extensions?: { authorization?: Record<string, unknown> } } };

export function serveAppSyncProtocol(socket: WebSocket, request: IncomingMessage, options: AppSyncProtocolOptions) {
  const { api, authenticator, logger } = options;
  const sourceIp = peerAddresses(request);
  const headers = handshakeHeaders(request);
  const connectionAuth: Promise<AuthContext | UnauthorizedRequest> = headers
    ? authenticator.authenticate(headers, sourceIp, { kind: 'realtimeConnect' }).catch((error: unknown) => asUnauthorized(error))
    : Promise.resolve(new UnauthorizedRequest('You are not authorized to make this call.', 'no auth header in the realtime handshake'));
  const subscriptions = new Map<string, () => void>();
  let keepAlive: NodeJS.Timeout | undefined;

  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  };
  const connectionError = (error: UnauthorizedRequest) => {
    logger.info(`realtime connection refused: ${error.reason}`);
    const errorCode = error instanceof IamRequestRejected ? error.status : 401;
    send({ type: 'connection_error', payload: { errors: [{ errorType: errorTypeOf(error), message: error.message, errorCode }] } });
    socket.close(1000);
  };
  const operationError = (id: string, errorType: string, message: string) =>
    send({ type: 'error', id, payload: { errors: [{ errorType, message }] } });

  const start = async (id: string, message: Message) => {
    if (subscriptions.has(id)) return operationError(id, 'DuplicateSubscriptionException', `A subscription with id ${id} is already running.`);
    let request: GraphqlRequest;
    try {
      request = JSON.parse(String(message.payload?.data)) as GraphqlRequest;
      if (typeof request?.query !== 'string') throw new Error('no query');
    } catch {
      return operationError(id, 'BadRequestException', 'payload.data must be a JSON string holding { query, variables }');
    }
    // Each start may carry its own authorization, in any of the API's modes.
    const startHeaders = message.payload?.extensions?.authorization;
    let auth = await connectionAuth;
    if (startHeaders) {
      auth = await authenticator
        .authenticate(lowerCaseKeys(startHeaders), sourceIp, { kind: 'realtimeStart', data: String(message.payload?.data) })
        .catch((error: unknown) => asUnauthorized(error));
    }
    if (auth instanceof UnauthorizedRequest) {
      logger.info(`realtime start ${id} refused: ${auth.reason}`);
      return operationError(id, errorTypeOf(auth), auth.message);
    }
    const prefix = `{"type":"data","id":${JSON.stringify(id)},"payload":`;
    const outcome = await api().subscribe(request, auth, headers ?? {}, {
      next: (json) => {
        const bytes = payloadBytes(json);
        if (bytes > MAX_PAYLOAD_BYTES) {
          logger.warn(`subscription ${id}: a ${bytes}-byte payload exceeds AppSync's 240 KB and is dropped, as AppSync drops it`);
          return;
        }
        send(`${prefix}${json}}`);
      },
      complete: () => {
        subscriptions.get(id)?.();
        subscriptions.delete(id);
        send({ type: 'complete', id });
      },
    });
    if ('errors' in outcome) return send({ type: 'error', id, payload: { errors: outcome.errors } });
    if (socket.readyState !== socket.OPEN) return outcome.unsubscribe();
    subscriptions.set(id, outcome.unsubscribe);
    send({ type: 'start_ack', id });
  };

  socket.on('message', (data) => {
    let message: Message;
    try {
      message = JSON.parse(data.toString()) as Message;
    } catch {
      return send({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'Messages must be JSON' }] } });
    }
    switch (message.type) {
      case 'connection_init':
        void connectionAuth.then((auth) => {
          if (auth instanceof UnauthorizedRequest) return connectionError(auth);
          send({ type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
          send({ type: 'ka' });
          keepAlive ??= setInterval(() => send({ type: 'ka' }), options.keepAliveMs ?? KEEP_ALIVE_MS);
        });
        return;
      case 'start':
        if (!message.id) return send({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException', message: 'start needs an id' }] } });
        void start(message.id, message).catch((error: Error) => {
          logger.error(`realtime start ${message.id} failed: ${error.stack ?? error.message}`);
          operationError(message.id!, 'InternalFailure', error.message);
        });
        return;
      case 'stop':
        if (message.id) {
          subscriptions.get(message.id)?.();
          subscriptions.delete(message.id);
          send({ type: 'complete', id: message.id });
        }
        return;
      default:
        send({ type: 'error', id: message.id, payload: { errors: [{ errorType: 'UnsupportedOperation', message: `Unknown message type ${String(message.type)}` }] } });
    }
  });

  socket.on('close', () => {
    clearInterval(keepAlive);
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}

function errorTypeOf(error: UnauthorizedRequest): string {
  return error instanceof IamRequestRejected ? error.errorType : 'UnauthorizedException';
}

function asUnauthorized(error: unknown): UnauthorizedRequest {
  if (error instanceof UnauthorizedRequest) return error;
  return new UnauthorizedRequest('You are not authorized to make this call.', (error as Error).message);
}
