// Whether a POST is an RFC 8058 one-click unsubscribe: its body carries the field
// List-Unsubscribe=One-Click, form-encoded (what mail providers send, and what the page's
// own form sends) or as multipart/form-data (RFC 8058 section 3.1 allows both).
// https://www.rfc-editor.org/rfc/rfc8058#section-3.1

export const ONE_CLICK_FIELD = { name: 'List-Unsubscribe', value: 'One-Click' } as const;

/** Bodies past this are no one-click request (the real one is 26 bytes). */
export const MAX_FORM_BYTES = 16 * 1024;

export function isOneClickBody(contentType: string | undefined, body: string): boolean {
  if (body.length > MAX_FORM_BYTES) return false;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') return multipartValues(contentType ?? '', body, ONE_CLICK_FIELD.name).includes(ONE_CLICK_FIELD.value);
  // No Content-Type: read as a form, which is what every sender of this request means.
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return false;
  return new URLSearchParams(body.trim()).getAll(ONE_CLICK_FIELD.name).includes(ONE_CLICK_FIELD.value);
}

/** The values of the form field `name` in a multipart/form-data body (RFC 7578). */
function multipartValues(contentType: string, body: string, name: string): string[] {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return [];
  const values: string[] = [];
  for (const part of body.split(`--${delimiter}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const head = part.slice(0, split.index);
    const disposition = /^content-disposition:\s*form-data\s*;(.*)$/im.exec(head)?.[1] ?? '';
    const field = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (field === name) values.push(part.slice(split.index + split[0].length).replace(/\r?\n$/, ''));
  }
  return values;
}
