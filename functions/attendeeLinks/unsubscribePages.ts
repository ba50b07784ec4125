// The pages of the unsubscribe link, in plain words. Every value shown (the address, the
// organizer's address) is escaped; the button posts the same body a mail provider's
// one-click request does (RFC 8058), to the page's own URL, so a GET never changes anything
// (mail scanners follow links) and both kinds of POST take the same path.
import { escapeHtml } from '../lib/mail/escapeHtml';
import { htmlPage, type HttpResponse } from './htmlResponse';
import { ONE_CLICK_FIELD } from './oneClickBody';

/** Whose invitations: the organizer's address when known. */
export type UnsubscribeView = { email: string; organizerEmail: string | null };

function whose(view: UnsubscribeView): string {
  return view.organizerEmail ? `<span class="address">${escapeHtml(view.organizerEmail)}</span>` : 'this organizer';
}

function address(view: UnsubscribeView): string {
  return `<span class="address">${escapeHtml(view.email)}</span>`;
}

export function confirmPage(view: UnsubscribeView): HttpResponse {
  return htmlPage(
    200,
    'Unsubscribe from invitations',
    [
      `<h1>Stop invitations from ${whose(view)}?</h1>`,
      `<p>${address(view)} will receive no more invitations from ${whose(view)}. Invitations from other organizers still arrive.</p>`,
      // No action attribute: the form posts to this page's own URL (the token is in it).
      '<form method="post">',
      `<input type="hidden" name="${ONE_CLICK_FIELD.name}" value="${ONE_CLICK_FIELD.value}">`,
      '<button type="submit">Unsubscribe</button>',
      '</form>',
    ].join('\n'),
  );
}

export function alreadyUnsubscribedPage(view: UnsubscribeView): HttpResponse {
  return htmlPage(
    200,
    'Already unsubscribed',
    [`<h1>Already unsubscribed</h1>`, `<p>${address(view)} receives no more invitations from ${whose(view)}.</p>`].join('\n'),
  );
}

export function unsubscribedPage(view: UnsubscribeView): HttpResponse {
  return htmlPage(
    200,
    'Unsubscribed',
    [`<h1>You are unsubscribed</h1>`, `<p>${address(view)} will receive no more invitations from ${whose(view)}.</p>`].join('\n'),
  );
}

export function invalidLinkPage(): HttpResponse {
  return htmlPage(
    404,
    'Link not valid',
    ['<h1>This link does not work</h1>', '<p>It may have been cut short when it was copied. Open the unsubscribe link in the invitation again.</p>'].join('\n'),
  );
}

export function notOneClickPage(): HttpResponse {
  return htmlPage(
    400,
    'Not an unsubscribe request',
    ['<h1>Nothing was changed</h1>', '<p>This request did not ask to unsubscribe. Open the unsubscribe link in the invitation and use its button.</p>'].join('\n'),
  );
}

export function badRequestPage(): HttpResponse {
  return htmlPage(400, 'Bad request', '<h1>Bad request</h1>\n<p>This address cannot be read.</p>');
}

export function notFoundPage(): HttpResponse {
  return htmlPage(404, 'Not found', '<h1>Nothing here</h1>\n<p>There is no page at this address.</p>');
}

export function methodNotAllowedPage(allowed: string[]): HttpResponse {
  return htmlPage(405, 'Method not allowed', '<h1>Method not allowed</h1>', { allow: allowed.join(', ') });
}

/** Retry-After: a few seconds; the failure is ours (the table or the key was unreachable). */
export function unavailablePage(): HttpResponse {
  return htmlPage(503, 'Try again', '<h1>Something went wrong on our side</h1>\n<p>Nothing was changed. Please try again in a minute.</p>', { 'retry-after': '60' });
}
