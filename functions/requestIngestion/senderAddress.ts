// The sender whose organizer a request acts for: the one mailbox of the From header (what
// DMARC aligns with, unlike the envelope's MAIL FROM), read from SES's commonHeaders.
// A message with no From, several, or a group is nobody's: dropped.
import { addressParser } from 'postal-mime';
import { normalizeEmail } from '../../resolvers/lib/keys';

export type Sender = { email: string } | { problem: string };

/** The From address (normalized as the table keys it), or why there is none to act for. */
export function senderAddress(from: readonly string[]): Sender {
  const mailboxes = from.flatMap((value) => addressParser(value, { flatten: true }));
  if (mailboxes.length === 0) return { problem: 'the message has no From address' };
  if (mailboxes.length > 1) return { problem: `the From header names ${mailboxes.length} addresses; a request acts for one sender` };
  const email = normalizeEmail(mailboxes[0]!.address ?? '');
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || /\s/.test(email)) return { problem: 'the From header is not an email address' };
  return { email };
}

/** The address's domain: what a log line may say about a sender (never the address). */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
