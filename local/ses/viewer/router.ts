// The mail viewer's routes on the SES server (local only, unsigned):
//   GET    /_local/mail                                  the outbox, newest first (HTML)
//   GET    /_local/mail/<messageId>                      one message (HTML)
//   GET    /_local/mail/messages                         the outbox as JSON (newest first)
//   DELETE /_local/mail/messages                         empty the outbox
//   GET    /_local/mail/messages/<messageId>             one message as JSON (headers, parts, calendar)
//   GET    /_local/mail/messages/<messageId>/raw         the .eml, byte for byte
//   GET    /_local/mail/messages/<messageId>/parts/<n>   one MIME part, decoded (the .ics for a calendar part)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../shared/httpServer';
import { findPart, parseMessage, partBytes } from '../mimeTree';
import type { Outbox } from '../outbox';
import { messageView, partFileName } from './messageView';
import { listPage, messagePage, VIEWER_BASE_PATH, VIEWER_CSP } from './pages';

/** Handles the request if its path is the viewer's; resolves to false otherwise. */
export function mailViewer(outbox: Outbox) {
  // Kept messages never change, so each one's calendar method is worked out once.
  const methods = new Map<string, string | undefined>();
  const calendarMethodOf = async (id: string): Promise<string | undefined> => {
    if (methods.has(id)) return methods.get(id);
    const entry = outbox.get(id);
    const raw = await outbox.raw(id);
    let method: string | undefined;
    try {
      method = entry && raw ? messageView(entry, raw).calendarMethod : undefined;
    } catch {
      method = undefined;
    }
    methods.set(id, method);
    return method;
  };
  const withMethods = () => Promise.all(outbox.list().map(async (entry) => ({ ...entry, calendarMethod: await calendarMethodOf(entry.messageId) })));
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname !== VIEWER_BASE_PATH && !pathname.startsWith(`${VIEWER_BASE_PATH}/`)) return false;
    const rest = pathname.slice(VIEWER_BASE_PATH.length).replace(/\/+$/, '');
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';

    if (segments.length === 0 && method === 'GET') {
      return html(res, listPage(await withMethods()));
    }
    if (segments[0] === 'messages') {
      if (segments.length === 1 && method === 'GET') {
        sendJson(res, 200, { messages: await withMethods() });
        return true;
      }
      if (segments.length === 1 && method === 'DELETE') {
        await outbox.clear();
        methods.clear();
        res.writeHead(204).end();
        return true;
      }
      const id = segments[1]!;
      const entry = outbox.get(id);
      const raw = entry && (await outbox.raw(id));
      if (!entry || !raw) return notFound(res, `No message ${id} in the outbox`);
      if (segments.length === 2 && method === 'GET') {
        sendJson(res, 200, messageView(entry, raw));
        return true;
      }
      if (segments.length === 3 && segments[2] === 'raw' && method === 'GET') {
        res.writeHead(200, {
          'content-type': 'message/rfc822',
          'content-length': raw.length,
          'content-disposition': `attachment; filename="${id}.eml"`,
        });
        res.end(raw);
        return true;
      }
      if (segments.length === 4 && segments[2] === 'parts' && method === 'GET') {
        const part = findPart(parseMessage(raw), segments[3]!);
        if (!part || part.children.length > 0) return notFound(res, `No part ${segments[3]} in ${id}`);
        const bytes = partBytes(part);
        const type = part.contentType + (part.params.charset ? `; charset=${part.params.charset}` : '') + (part.params.method ? `; method=${part.params.method}` : '');
        res.writeHead(200, {
          'content-type': type,
          'content-length': bytes.length,
          'content-disposition': `attachment; filename="${partFileName(part).replace(/["\\\r\n]/g, '_')}"`,
          // A downloaded HTML part must not run as a page of this origin.
          'content-security-policy': 'sandbox',
          'x-content-type-options': 'nosniff',
        });
        res.end(bytes);
        return true;
      }
      return notFound(res, `No route for ${method} ${pathname}`);
    }
    if (segments.length === 1 && method === 'GET') {
      const entry = outbox.get(segments[0]!);
      const raw = entry && (await outbox.raw(entry.messageId));
      if (!entry || !raw) return notFound(res, `No message ${segments[0]} in the outbox`);
      return html(res, messagePage(messageView(entry, raw)));
    }
    return notFound(res, `No route for ${method} ${pathname}`);
  };
}

function html(res: ServerResponse, page: string): true {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    'content-security-policy': VIEWER_CSP,
    'x-content-type-options': 'nosniff',
  });
  res.end(page);
  return true;
}

function notFound(res: ServerResponse, message: string): true {
  sendJson(res, 404, { message });
  return true;
}
