import { describe, expect, it, vi } from 'vitest';
import { htmlPage } from '../../../../functions/attendeeLinks/htmlResponse';
import type { HttpRequest } from '../../../../functions/attendeeLinks/httpRequest';
import { routeRequest, type Fallbacks, type Route } from '../../../../functions/attendeeLinks/router';

const FALLBACKS: Fallbacks = {
  notFound: () => htmlPage(404, 'Not found', 'none'),
  methodNotAllowed: (allowed) => htmlPage(405, 'No', 'no', { allow: allowed.join(', ') }),
  badRequest: () => htmlPage(400, 'Bad', 'bad'),
};

function routes() {
  const get = vi.fn(async (_r: HttpRequest, params: string[]) => htmlPage(200, 'Got', `got ${params.join('|')}`));
  const post = vi.fn(async () => htmlPage(200, 'Posted', 'posted'));
  const table: Route[] = [
    { method: 'GET', pattern: /^\/things\/([^/]+)$/, handle: get },
    { method: 'POST', pattern: /^\/things\/([^/]+)$/, handle: post },
    { method: 'GET', pattern: /^\/only-get$/, handle: get },
  ];
  return { table, get, post };
}

const request = (method: string, path: string): HttpRequest => ({ method, path, headers: {}, body: '' });

describe('the links router', () => {
  it('hands the route its path parameters, percent-decoded', async () => {
    const r = routes();
    const response = await routeRequest(r.table, request('GET', '/things/a%20b'), FALLBACKS);
    expect(response.statusCode).toBe(200);
    expect(r.get).toHaveBeenCalledWith(expect.anything(), ['a b']);
  });

  it('chooses the route by method', async () => {
    const r = routes();
    await routeRequest(r.table, request('POST', '/things/x'), FALLBACKS);
    expect(r.post).toHaveBeenCalledTimes(1);
    expect(r.get).not.toHaveBeenCalled();
  });

  it('answers HEAD as GET, without a body', async () => {
    const r = routes();
    const response = await routeRequest(r.table, request('HEAD', '/things/x'), FALLBACKS);
    expect(response).toMatchObject({ statusCode: 200, body: '' });
    expect(r.get).toHaveBeenCalledTimes(1);
  });

  it('answers 404 for a path no route has, and 405 naming the methods a path has', async () => {
    const r = routes();
    expect((await routeRequest(r.table, request('GET', '/elsewhere'), FALLBACKS)).statusCode).toBe(404);
    expect((await routeRequest(r.table, request('GET', '/things/x/y'), FALLBACKS)).statusCode).toBe(404);
    const refused = await routeRequest(r.table, request('DELETE', '/things/x'), FALLBACKS);
    expect(refused).toMatchObject({ statusCode: 405, headers: { allow: 'GET, HEAD, POST' } });
    expect((await routeRequest(r.table, request('POST', '/only-get'), FALLBACKS)).headers.allow).toBe('GET, HEAD');
  });

  it('answers 400 for a parameter that does not percent-decode', async () => {
    const r = routes();
    expect((await routeRequest(r.table, request('GET', '/things/%E0%A4%A'), FALLBACKS)).statusCode).toBe(400);
    expect(r.get).not.toHaveBeenCalled();
  });
});
