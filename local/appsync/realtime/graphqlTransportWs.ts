// The standard GraphQL over WebSocket protocol (`graphql-transport-ws`, the graphql-ws
// package's), served by that package's own server with the local API behind it. Auth goes
// in connection_init's payload as AppSync header names ({ Authorization } or
// { "x-api-key" }); queries and mutations may run over the socket too.
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../shared/logger';
import type { AuthContext, Authenticator } from '../auth/authenticate';
import type { AppSyncError } from '../errors';
import type { GraphqlRequest, LocalGraphqlApi } from '../graphqlApi';
import { lowerCaseKeys, peerAddresses } from './handshakeAuth';
import { perPayload } from './perPayload';
import { pushIterator } from './pushIterator';

export type GraphqlTransportWsOptions = {
  /** The API serving now: each operation runs on the one serving when it starts (a dev reload replaces it). */
  api: () => LocalGraphqlApi;
  authenticator: Authenticator;
  logger: Logger;
};

/** Parsed once per published result for all its subscribers (graphql-ws only reads it). */
const parsedPayload = perPayload((json) => JSON.parse(json) as unknown);

type Extra = { auth?: AuthContext; headers?: Record<string, string> };

type OperationContext = {
  api: LocalGraphqlApi;
  request: GraphqlRequest;
  auth: AuthContext;
  headers: Record<string, string>;
  stream?: AsyncIterableIterator<unknown>;
};

const asGraphQLErrors = (errors: AppSyncError[]) =>
  errors.map(
    (e) =>
      new GraphQLError(e.message, {
        path: e.path ?? undefined,
        extensions: { errorType: e.errorType, errorInfo: e.errorInfo, data: e.data },
      }),
  );

export function graphqlTransportWsServer(options: GraphqlTransportWsOptions): WebSocketServer {
  const { authenticator, logger } = options;
  const server = new WebSocketServer({ noServer: true });
  useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        const request = ctx.extra.request as IncomingMessage;
        const upgradeHeaders = lowerCaseKeys(request.headers as Record<string, unknown>);
        const headers = { ...upgradeHeaders, ...lowerCaseKeys(ctx.connectionParams ?? {}) };
        try {
          ctx.extra.auth = await authenticator.authenticate(headers, peerAddresses(request));
          ctx.extra.headers = headers;
          return true;
        } catch (error) {
          logger.info(`graphql-transport-ws connection refused: ${(error as { reason?: string }).reason ?? (error as Error).message}`);
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const request: GraphqlRequest = { query: payload.query, variables: payload.variables ?? {}, operationName: payload.operationName ?? null };
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const api = options.api();
        const operation: OperationContext = { api, request, auth: ctx.extra.auth!, headers: ctx.extra.headers ?? {} };
        const isSubscription = document.definitions.some(
          (d) => d.kind === 'OperationDefinition' && d.operation === 'subscription' && (!payload.operationName || d.name?.value === payload.operationName),
        );
        if (isSubscription) {
          let unsubscribe: (() => void) | undefined;
          const feed = pushIterator<unknown>(() => unsubscribe?.());
          const outcome = await api.subscribe(request, operation.auth, operation.headers, {
            next: (json) => feed.push(parsedPayload(json)),
            complete: () => feed.end(),
          });
          if ('errors' in outcome) return asGraphQLErrors(outcome.errors);
          unsubscribe = outcome.unsubscribe;
          operation.stream = feed.iterator;
        }
        return { schema: api.schema, document, contextValue: operation, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined };
      },
      execute: (args) => {
        const operation = args.contextValue as OperationContext;
        return operation.api.execute(operation.request, operation.auth, operation.headers).then((outcome) => outcome.body) as never;
      },
      subscribe: (args) => (args.contextValue as OperationContext).stream as never,
    },
    server,
  );
  return server;
}
