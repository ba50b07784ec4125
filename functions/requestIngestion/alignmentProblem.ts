// SPF and DKIM vouch for a domain, not for the From header: SPF for the envelope's MAIL FROM,
// DKIM for a signature's d= domain. DMARC PASS means one of them is aligned with the From
// domain. A domain without a DMARC policy (GRAY) gives no such promise, so a stranger could
// pass SPF for their own domain while writing an organizer's or attendee's address in From.
// For those, a message must show the alignment itself: SPF PASS with a MAIL FROM in the From
// domain, or DKIM PASS with a signature of the From domain. "In the domain" is relaxed
// alignment, read conservatively without the public suffix list: the same domain, or one a
// subdomain of the other (mail.example.com and example.com align; a.example.com and
// b.example.com, which DMARC would also align, are refused: the sender can add DMARC).
// https://www.rfc-editor.org/rfc/rfc7489#section-3.1
import type { ReceiptVerdicts } from './parseNotification';

export type SenderEvidence = {
  /** The From address's domain. */
  fromDomain: string;
  /** The envelope's MAIL FROM (SES's `mail.source`), null for a bounce (`<>`). */
  mailFrom: string | null;
  /** The d= domains of the message's DKIM-Signature headers. */
  dkimDomains: readonly string[];
};

/** Why the verdicts do not speak for the From domain, or null when they do. */
export function alignmentProblem(verdicts: ReceiptVerdicts, evidence: SenderEvidence): string | null {
  if (verdicts.dmarc === 'PASS') return null;
  const from = evidence.fromDomain.toLowerCase();
  const mailFromDomain = evidence.mailFrom?.slice(evidence.mailFrom.lastIndexOf('@') + 1).toLowerCase() ?? null;
  if (verdicts.spf === 'PASS' && mailFromDomain && aligned(mailFromDomain, from)) return null;
  if (verdicts.dkim === 'PASS' && evidence.dkimDomains.some((domain) => aligned(domain.toLowerCase(), from))) return null;
  return `without DMARC (${verdicts.dmarc ?? 'missing'}), neither SPF (${verdicts.spf ?? 'missing'}, MAIL FROM ${mailFromDomain ?? 'none'}) nor DKIM (${verdicts.dkim ?? 'missing'}, signed by ${evidence.dkimDomains.join(', ') || 'nobody'}) vouches for the From domain ${from}`;
}

function aligned(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The d= domain of a DKIM-Signature header's value, lower-cased; null without one. */
export function dkimSigningDomain(value: string): string | null {
  for (const tag of value.split(';')) {
    const [name, ...rest] = tag.split('=');
    if (name?.replace(/\s+/g, '') === 'd') return rest.join('=').replace(/\s+/g, '').toLowerCase() || null;
  }
  return null;
}
