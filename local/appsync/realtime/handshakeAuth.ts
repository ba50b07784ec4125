// The auth headers of an AppSync realtime connection: base64 JSON in the `header` query
// parameter, or base64url JSON in a `header-<...>` subprotocol (what Amplify v6 sends).
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
import type { IncomingMessage } from 'node:http';

export function handshakeHeaders(request: IncomingMessage): Record<string, string> | null {
  const url = new URL(request.url ?? '/', 'http://local');
  const fromQuery = url.searchParams.get('header');
  if (fromQuery) return decodeHeaders(fromQuery, 'base64');
  const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const headerProtocol = protocols.find((p) => p.startsWith('header-'));
  if (headerProtocol) return decodeHeaders(headerProtocol.slice('header-'.length), 'base64url');
  return null;
}

function decodeHeaders(text: string, encoding: BufferEncoding): Record<string, string> | null {
  try {
    const value = JSON.parse(Buffer.from(text, encoding).toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return lowerCaseKeys(value as Record<string, unknown>);
  } catch {
    return null;
  }
}

export function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

export function peerAddresses(request: IncomingMessage): string[] {
  const peer = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return peer ? [peer] : [];
}
