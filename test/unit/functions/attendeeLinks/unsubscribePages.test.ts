import { describe, expect, it } from 'vitest';
import { PAGE_HEADERS } from '../../../../functions/attendeeLinks/htmlResponse';
import { alreadyUnsubscribedPage, confirmPage, invalidLinkPage, unavailablePage, unsubscribedPage } from '../../../../functions/attendeeLinks/unsubscribePages';

const HOSTILE = { email: `"><script>alert(1)</script>'@example.com`, organizerEmail: `<img src=x onerror=alert(1)>@example.com` };

describe('the unsubscribe pages', () => {
  it('name the address and whose invitations, with a button that posts the one-click body to the page’s own URL', () => {
    const page = confirmPage({ email: 'ada@example.com', organizerEmail: 'grace@example.org' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ada@example.com');
    expect(page.body).toContain('grace@example.org');
    expect(page.body).toMatch(/<form method="post">/);
    expect(page.body).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
  });

  it('say "this organizer" when the organizer is unknown', () => {
    expect(unsubscribedPage({ email: 'ada@example.com', organizerEmail: null }).body).toContain('from this organizer');
  });

  it('escape every value they show', () => {
    for (const page of [confirmPage(HOSTILE), alreadyUnsubscribedPage(HOSTILE), unsubscribedPage(HOSTILE)]) {
      expect(page.body).not.toMatch(/<script|<img/);
      expect(page.body).toContain('&lt;script&gt;');
      expect(page.body).toContain('&quot;&gt;');
    }
  });

  it('are never cached, indexed, framed, scripted or referred from', () => {
    const page = confirmPage({ email: 'ada@example.com', organizerEmail: null });
    expect(page.headers).toEqual(PAGE_HEADERS);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answer a bad link with 404 and our own failures with 503', () => {
    expect(invalidLinkPage().statusCode).toBe(404);
    expect(unavailablePage()).toMatchObject({ statusCode: 503, headers: { 'retry-after': '60' } });
  });
});
