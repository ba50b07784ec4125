import { describe, expect, it, vi } from 'vitest';
import type { HttpRequest } from '../../../../functions/attendeeLinks/httpRequest';
import { routeRequest } from '../../../../functions/attendeeLinks/router';
import { badRequestPage, methodNotAllowedPage, notFoundPage } from '../../../../functions/attendeeLinks/unsubscribePages';
import { unsubscribeRoutes, type UnsubscribePorts } from '../../../../functions/attendeeLinks/unsubscribeRoutes';
import { attendeeToken, unsubscribeToken } from '../../../../functions/lib/tokens/attendeeTokens';

const KEY = Buffer.from('k'.repeat(64));
const OTHER_KEY = Buffer.from('o'.repeat(64));
const NOW = '2026-03-01T12:00:00.000Z';
const FALLBACKS = { notFound: notFoundPage, methodNotAllowed: methodNotAllowedPage, badRequest: badRequestPage };

/** Ports over an in-memory suppression table. */
function fakePorts(options: { organizerEmail?: string | null; failure?: Error } = {}) {
  const lists = new Map<string, string[]>();
  const ports: UnsubscribePorts = {
    tokenKey: vi.fn(async () => KEY),
    organizerEmail: vi.fn(async () => (options.organizerEmail === undefined ? 'grace@example.org' : options.organizerEmail)),
    unsubscribedFrom: vi.fn(async (email: string) => lists.get(email) ?? []),
    unsubscribe: vi.fn(async (email: string, organizerId: string) => {
      if (options.failure) throw options.failure;
      const list = lists.get(email) ?? [];
      if (list.includes(organizerId)) return 'already' as const;
      lists.set(email, [...list, organizerId]);
      return 'added' as const;
    }),
  };
  const log = vi.fn();
  const routes = unsubscribeRoutes(ports, () => NOW, log);
  const call = (method: string, path: string, body = '', contentType = 'application/x-www-form-urlencoded') =>
    routeRequest(routes, { method, path, headers: { 'content-type': contentType }, body } satisfies HttpRequest, FALLBACKS);
  return { ports, lists, log, call };
}

const token = unsubscribeToken(KEY, 'org-1', 'Ada@Example.com');
const ONE_CLICK = 'List-Unsubscribe=One-Click';

describe('GET /unsubscribe/<token>', () => {
  it('shows the address and the organizer, with a button, and changes nothing', async () => {
    const f = fakePorts();
    const page = await f.call('GET', `/unsubscribe/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ada@example.com');
    expect(page.body).toContain('grace@example.org');
    expect(page.body).toContain('<form method="post">');
    expect(f.ports.organizerEmail).toHaveBeenCalledWith('org-1');
    expect(f.ports.unsubscribe).not.toHaveBeenCalled();
  });

  it('says so when the address already unsubscribed from the organizer', async () => {
    const f = fakePorts();
    f.lists.set('ada@example.com', ['org-0', 'org-1']);
    const page = await f.call('GET', `/unsubscribe/${token}`);
    expect(page.body).toContain('Already unsubscribed');
    expect(page.body).not.toContain('<form');
  });
});

describe('POST /unsubscribe/<token>', () => {
  it('unsubscribes the address from the organizer on a one-click request, and confirms', async () => {
    const f = fakePorts();
    const page = await f.call('POST', `/unsubscribe/${token}`, ONE_CLICK);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are unsubscribed');
    expect(f.ports.unsubscribe).toHaveBeenCalledWith('ada@example.com', 'org-1', NOW);
    expect(f.lists.get('ada@example.com')).toEqual(['org-1']);
    expect(f.log).toHaveBeenCalledWith('unsubscribed', { organizerId: 'org-1' });
  });

  it('confirms a repeated request the same way, changing nothing more', async () => {
    const f = fakePorts();
    await f.call('POST', `/unsubscribe/${token}`, ONE_CLICK);
    const again = await f.call('POST', `/unsubscribe/${token}`, ONE_CLICK);
    expect(again.statusCode).toBe(200);
    expect(f.lists.get('ada@example.com')).toEqual(['org-1']);
    expect(f.log).toHaveBeenLastCalledWith('already-unsubscribed', { organizerId: 'org-1' });
  });

  it('refuses a POST without the one-click body, changing nothing', async () => {
    const f = fakePorts();
    expect((await f.call('POST', `/unsubscribe/${token}`, 'hello=1')).statusCode).toBe(400);
    expect(f.ports.unsubscribe).not.toHaveBeenCalled();
  });

  it('lets a table failure through, for the handler to answer 503', async () => {
    const f = fakePorts({ failure: new Error('ProvisionedThroughputExceededException') });
    await expect(f.call('POST', `/unsubscribe/${token}`, ONE_CLICK)).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});

describe('links that are not ours', () => {
  const forged = [
    ['signed with another key', unsubscribeToken(OTHER_KEY, 'org-1', 'ada@example.com')],
    ['with its claims changed', `${unsubscribeToken(KEY, 'org-2', 'ada@example.com').split('.')[0]}.${token.split('.')[1]}`],
    ['an attendee token', attendeeToken(KEY, 'evt-1', 'ada@example.com')],
    ['cut short', token.slice(0, -5)],
    ['not a token at all', 'hello'],
  ];

  it.each(forged)('answers 404 for a token %s, on GET and POST, changing nothing', async (_what, bad) => {
    const f = fakePorts();
    for (const method of ['GET', 'POST']) {
      const page = await f.call(method, `/unsubscribe/${encodeURIComponent(bad!)}`, ONE_CLICK);
      expect(page.statusCode, method).toBe(404);
      expect(page.body).toContain('This link does not work');
    }
    expect(f.ports.unsubscribe).not.toHaveBeenCalled();
    expect(f.ports.organizerEmail).not.toHaveBeenCalled();
    expect(f.log).toHaveBeenCalledWith('invalid-token', expect.anything());
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const f = fakePorts();
    expect((await f.call('GET', '/')).statusCode).toBe(404);
    expect((await f.call('GET', `/unsubscribe/${token}/more`)).statusCode).toBe(404);
    expect((await f.call('PUT', `/unsubscribe/${token}`)).statusCode).toBe(405);
  });
});
