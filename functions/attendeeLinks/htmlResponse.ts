// Every answer of the links function is a small HTML page with the same headers: nothing is
// cached or indexed (the URL carries a token and the page an address), no referrer leaks
// the token to another site, and the CSP allows no script, no frame and no form target but
// this function itself.
import { escapeHtml } from '../lib/mail/escapeHtml';

export type HttpResponse = { statusCode: number; headers: Record<string, string>; body: string };

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}' +
  'button{font:inherit;padding:.5rem 1rem;border-radius:.375rem;border:1px solid #1f2328;background:#1f2328;color:#fff;cursor:pointer}' +
  '.address{font-weight:600;word-break:break-all}' +
  'button.quiet{background:#fff;color:#1f2328}' +
  '.answers button{margin-right:.5rem}' +
  'textarea{font:inherit;width:100%;box-sizing:border-box}' +
  '.muted{color:#59636e}' +
  '.problem{color:#b42318;font-weight:600}';

/**
 * A page: `title` is text (escaped here); `content` is HTML the caller built with escapeHtml
 * around every value it did not write itself.
 */
export function htmlPage(statusCode: number, title: string, content: string, headers: Record<string, string> = {}): HttpResponse {
  const body = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    content,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { statusCode, headers: { ...PAGE_HEADERS, ...headers }, body };
}
