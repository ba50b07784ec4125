// WebSocket endpoints of the local API, on the same host and port as /graphql:
//   /graphql/realtime  and  /graphql
// The subprotocol picks the dialect: `graphql-ws` is AppSync's realtime protocol (what
// Amplify speaks; it derives <graphql url>/realtime for a non-AWS host), and
// `graphql-transport-ws` is the standard protocol of the graphql-ws package.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { serveAppSyncProtocol, type AppSyncProtocolOptions } from './appsyncProtocol';
import { graphqlTransportWsServer } from './graphqlTransportWs';

export const REALTIME_PATHS = ['/graphql/realtime', '/graphql'];

export function attachRealtime(server: Server, options: AppSyncProtocolOptions): { close(): void } {
  const appsync = new WebSocketServer({
    noServer: true,
    // Browsers fail the handshake unless the server echoes the protocol they asked for.
    handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
  });
  const standard = graphqlTransportWsServer(options);

  const refuse = (socket: Duplex, status: string, reason: string) => {
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${reason}\n`);
  };
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    if (!REALTIME_PATHS.includes(path)) return refuse(socket, '404 Not Found', `No WebSocket endpoint at ${path}; use ${REALTIME_PATHS.join(' or ')}`);
    const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (protocols.includes('graphql-transport-ws')) {
      standard.handleUpgrade(request, socket, head, (ws) => standard.emit('connection', ws, request));
    } else if (protocols.includes('graphql-ws')) {
      appsync.handleUpgrade(request, socket, head, (ws) => serveAppSyncProtocol(ws, request, options));
    } else {
      refuse(socket, '400 Bad Request', 'Ask for the graphql-ws (AppSync realtime) or graphql-transport-ws subprotocol');
    }
  });

  return {
    close() {
      for (const client of [...appsync.clients, ...standard.clients]) client.terminate();
      appsync.close();
      standard.close();
    },
  };
}
