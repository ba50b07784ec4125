// Whether a message is broken MIME. postal-mime refuses almost nothing: a multipart
// message whose boundary is missing or never occurs (a relay that rewrote the header, a
// truncated upload) comes out with no text and no parts at all. That is what is checked:
// the message says multipart, and nothing could be read from it.
import type { Email } from 'postal-mime';

const MULTIPART = /^\s*multipart\//i;

/** Why the message's MIME structure cannot be read, or null. */
export function brokenMime(email: Pick<Email, 'headers' | 'text' | 'html' | 'attachments'>): string | null {
  const contentType = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
  if (!MULTIPART.test(contentType)) return null;
  if (email.text?.trim() || email.html?.trim() || email.attachments.length > 0) return null;
  return 'broken MIME: a multipart message with no part that can be read (its boundary is missing or never occurs)';
}
