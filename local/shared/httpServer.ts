// One loopback HTTP server per local service. Port 0 picks a free port (tests);
// a taken port is a clear error, not a crash.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

export async function startHttpServer(name: string, port: number, handler: RequestHandler): Promise<RunningServer> {
  return listen(name, createServer(guarded(name, handler)), port, 'http');
}

/** The same, over TLS with the given certificate (see tls.ts). */
export async function startHttpsServer(
  name: string,
  port: number,
  tls: { certPem: string; keyPem: string },
  handler: RequestHandler,
): Promise<RunningServer> {
  return listen(name, createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, guarded(name, handler)), port, 'https');
}

/** A handler whose failures become a 500 answer (or a dropped connection), never a crash. */
function guarded(name: string, handler: RequestHandler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `Internal error in the local ${name}: ${(error as Error).message}` }));
      } else {
        res.destroy();
      }
    });
  };
}

async function listen(name: string, server: Server, port: number, scheme: 'http' | 'https'): Promise<RunningServer> {
  // Idle keep-alive connections stay open longer than clients keep them (undici closes an
  // idle socket a second before the server's advertised timeout), so the client is the one
  // that closes: with Node's 5 s default, a client whose event loop lags under load reuses a
  // socket the server has just closed, and its POST fails with "other side closed". close()
  // ends every connection at once, so nothing waits on this.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`The local ${name} cannot listen on ${LOOPBACK}:${port}: the port is in use. Stop what holds it or choose other ports with --port.`)
          : error,
      );
    });
    server.listen(port, LOOPBACK, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `${scheme}://${LOOPBACK}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads a request body up to `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
