// The GraphQL explorer `npm run dev` serves at the API's root: GraphiQL (served from
// node_modules, no network needed) with the local auth filled in — the API key, or a
// Cognito user whose token the page fetches from the local issuer — and subscriptions over
// AppSync's realtime protocol.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExtraRoute } from '../router';

const require = createRequire(import.meta.url);
/** A file of an installed package, whatever its `exports` allow. */
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);

const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'explorer.js': { file: fileURLToPath(new URL('./page.js', import.meta.url)), type: 'text/javascript' },
};

export type ExplorerSettings = { apiName: string; apiKey?: string; tokenUrl?: string; authModes: string[] };

function page(settings: ExplorerSettings): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${settings.apiName} · local GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/graphiql.css">
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 14px system-ui, sans-serif; }
    #auth { display: flex; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd; background: #f7f7f8; }
    #auth label { display: flex; gap: 6px; align-items: center; }
    #auth .status { color: #666; margin-left: auto; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="auth" autocomplete="off">
    <strong>${settings.apiName}</strong>
    <label>Auth <select name="mode"></select></label>
    <label class="user">Email <input name="email" type="email" placeholder="you@example.com"></label>
    <label class="user">Groups <input name="groups" placeholder="admins"></label>
    <span class="status"></span>
  </form>
  <div id="graphiql"></div>
  <script>window.LOCAL_EXPLORER = ${json};</script>
  <script src="/explorer/react.js"></script>
  <script src="/explorer/react-dom.js"></script>
  <script src="/explorer/graphiql.js"></script>
  <script src="/explorer/explorer.js"></script>
</body>
</html>
`;
}

export function explorerRoute(settings: ExplorerSettings): ExtraRoute {
  const html = page(settings);
  const cache = new Map<string, Buffer>();
  return (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET') return false;
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (url.pathname === '/' || url.pathname === '/explorer' || url.pathname === '/explorer/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return true;
    }
    const asset = url.pathname.startsWith('/explorer/') ? ASSETS[url.pathname.slice('/explorer/'.length)] : undefined;
    if (!asset) return false;
    let body = cache.get(asset.file);
    if (!body) {
      body = readFileSync(asset.file);
      cache.set(asset.file, body);
    }
    res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'content-length': body.length });
    res.end(body);
    return true;
  };
}
