// How `npm run dev` serves the page (local/dashboard/dashboardRoute.ts), on a plain server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoute, type DashboardConfig } from '../../../local/dashboard/dashboardRoute';
import { startHttpServer, type RunningServer } from '../../../local/shared/httpServer';

let server: RunningServer;
let config: DashboardConfig | undefined;

beforeAll(async () => {
  const route = dashboardRoute(() => config);
  server = await startHttpServer('test', 0, (req, res) => {
    if (!route(req, res, new URL(req.url ?? '/', 'http://localhost'))) {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

describe('the dashboard route', () => {
  it('serves the page at /dashboard/, to which /dashboard redirects', async () => {
    expect((await get('/dashboard')).headers.get('location')).toBe('/dashboard/');
    const page = await get('/dashboard/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script type="module" src="main.js"></script>');
    expect((await get('/dashboard/dashboard.css')).headers.get('content-type')).toContain('text/css');
    expect((await get('/dashboard/nothing.txt')).status).toBe(404);
  });

  it('answers config.json from the stack’s endpoints once it knows them', async () => {
    config = undefined;
    expect((await get('/dashboard/config.json')).status).toBe(503);
    config = { graphqlUrl: 'http://127.0.0.1:4000/graphql', realtimeUrl: 'ws://127.0.0.1:4000/graphql/realtime', tokenUrl: 'http://127.0.0.1:4001/_local/tokens' };
    expect(await (await get('/dashboard/config.json')).json()).toEqual(config);
  });

  it('bundles the page’s TypeScript into one browser module', { timeout: 30_000 }, async () => {
    const script = await get('/dashboard/main.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const code = await script.text();
    expect(code).not.toMatch(/^\s*import\s/m); // graphql's printer and our modules are inlined
    expect(code).toContain('OnDashboardCounts');
  });
});
