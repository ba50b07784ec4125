// Serves the RSVP dashboard next to the explorer on the API's port:
//   GET /dashboard/             dashboard/index.html
//   GET /dashboard/main.js      dashboard/main.ts bundled on the first request, then cached
//   GET /dashboard/dashboard.css
//   GET /dashboard/config.json  where the page finds the API (from the stack's endpoints)
// The page keeps working across `npm run dev`'s restarts: the ports stay, and it reconnects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExtraRoute } from '../appsync/router';
import { bundleDashboard, DASHBOARD_SOURCE } from './bundle';

export const DASHBOARD_PATH = '/dashboard/';

/** What dashboard/config.ts reads. */
export type DashboardConfig = { graphqlUrl: string; realtimeUrl: string; tokenUrl?: string; apiName?: string };

const STATIC: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html' },
  'index.html': { file: 'index.html', type: 'text/html' },
  'dashboard.css': { file: 'dashboard.css', type: 'text/css' },
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

/** `config` is read at each request: the stack knows its URLs only once everything listens. */
export function dashboardRoute(config: () => DashboardConfig | undefined): ExtraRoute {
  let bundle: Promise<string> | undefined;
  return (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET') return false;
    if (url.pathname === '/dashboard') {
      res.writeHead(301, { location: DASHBOARD_PATH });
      res.end();
      return true;
    }
    if (!url.pathname.startsWith(DASHBOARD_PATH)) return false;
    const name = url.pathname.slice(DASHBOARD_PATH.length);
    if (name === 'config.json') {
      const current = config();
      if (current) send(res, 200, 'application/json', JSON.stringify(current));
      else send(res, 503, 'application/json', JSON.stringify({ message: 'The local stack is starting.' }));
      return true;
    }
    if (name === 'main.js') {
      bundle ??= bundleDashboard();
      bundle.then(
        (code) => send(res, 200, 'text/javascript', code),
        (error: Error) => {
          bundle = undefined; // a fixed source builds on the next request
          send(res, 500, 'text/plain', `The dashboard does not build:\n${error.message}`);
        },
      );
      return true;
    }
    const asset = STATIC[name];
    if (!asset) return false;
    send(res, 200, asset.type, readFileSync(join(DASHBOARD_SOURCE, asset.file)));
    return true;
  };
}
