// GET /unsubscribe/<token>: a page naming the address and whose invitations it stops, with a
// button; it changes nothing (mail scanners and link previews fetch every link).
// POST /unsubscribe/<token> with List-Unsubscribe=One-Click (a mail provider's RFC 8058
// one-click request, or the page's button): the organizer joins the address's
// unsubscribedFrom list, and inviteAttendees refuses the address for that organizer from then on.
// A token that is not ours (forged, cut short, another kind) gets a 404 page either way.
// https://www.rfc-editor.org/rfc/rfc8058
import { readUnsubscribeToken } from '../lib/tokens/attendeeTokens';
import type { HttpResponse } from './htmlResponse';
import type { HttpRequest } from './httpRequest';
import { isOneClickBody } from './oneClickBody';
import type { Route } from './router';
import { alreadyUnsubscribedPage, confirmPage, invalidLinkPage, notOneClickPage, unsubscribedPage, type UnsubscribeView } from './unsubscribePages';

export type UnsubscribePorts = {
  tokenKey(): Promise<Uint8Array>;
  /** The organizer's address; null when there is no such organizer or it has none. */
  organizerEmail(organizerId: string): Promise<string | null>;
  /** The organizers the address unsubscribed from. */
  unsubscribedFrom(email: string): Promise<string[]>;
  /** 'already' when the address had unsubscribed from the organizer before. */
  unsubscribe(email: string, organizerId: string, now: string): Promise<'added' | 'already'>;
};

/** What the handler logs of each request: the organizer id, never the address. */
export type UnsubscribeLog = (event: 'invalid-token' | 'not-one-click' | 'unsubscribed' | 'already-unsubscribed', fields: Record<string, unknown>) => void;

const UNSUBSCRIBE_PATH = /^\/unsubscribe\/([^/]+)$/;

export function unsubscribeRoutes(ports: UnsubscribePorts, now: () => string, log: UnsubscribeLog): Route[] {
  const claimsOf = async (token: string) => readUnsubscribeToken(await ports.tokenKey(), token);
  const viewOf = async (claims: { organizerId: string; email: string }): Promise<UnsubscribeView> => ({
    email: claims.email,
    organizerEmail: await ports.organizerEmail(claims.organizerId),
  });

  async function show(_request: HttpRequest, [token]: string[]): Promise<HttpResponse> {
    const claims = await claimsOf(token!);
    if (!claims) {
      log('invalid-token', { method: 'GET' });
      return invalidLinkPage();
    }
    const [view, unsubscribedFrom] = await Promise.all([viewOf(claims), ports.unsubscribedFrom(claims.email)]);
    return unsubscribedFrom.includes(claims.organizerId) ? alreadyUnsubscribedPage(view) : confirmPage(view);
  }

  async function unsubscribe(request: HttpRequest, [token]: string[]): Promise<HttpResponse> {
    const claims = await claimsOf(token!);
    if (!claims) {
      log('invalid-token', { method: 'POST' });
      return invalidLinkPage();
    }
    if (!isOneClickBody(request.headers['content-type'], request.body)) {
      log('not-one-click', { organizerId: claims.organizerId });
      return notOneClickPage();
    }
    const outcome = await ports.unsubscribe(claims.email, claims.organizerId, now());
    log(outcome === 'added' ? 'unsubscribed' : 'already-unsubscribed', { organizerId: claims.organizerId });
    return unsubscribedPage(await viewOf(claims));
  }

  return [
    { method: 'GET', pattern: UNSUBSCRIBE_PATH, handle: show },
    { method: 'POST', pattern: UNSUBSCRIBE_PATH, handle: unsubscribe },
  ];
}
