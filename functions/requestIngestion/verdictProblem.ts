// Whether SES's verdicts let a message act for its sender. Mail that changes anything must
// be clean (spam and virus scans PASS) and authenticated: SPF or DKIM PASS, and DMARC not
// FAIL (a GRAY DMARC is a domain without a policy). Everything else is dropped, with the
// verdict that failed as the reason.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html#receiving-email-notifications-contents-receipt-object
import type { ReceiptVerdicts } from './parseNotification';

const PASS = 'PASS';

/** Why the verdicts refuse the message, or null when they pass. */
export function verdictProblem(v: ReceiptVerdicts): string | null {
  // Both scans are reported when the receipt rule scans (infra/mail.ts sets scanEnabled).
  if (v.spam !== PASS) return `the spam verdict is ${v.spam ?? 'missing (the receipt rule does not scan)'}, not PASS`;
  if (v.virus !== PASS) return `the virus verdict is ${v.virus ?? 'missing (the receipt rule does not scan)'}, not PASS`;
  if (v.spf !== PASS && v.dkim !== PASS) return `the sender is not authenticated: neither SPF (${v.spf ?? 'missing'}) nor DKIM (${v.dkim ?? 'missing'}) is PASS`;
  if (v.dmarc === 'FAIL') return `DMARC failed (the sender's policy: ${v.dmarcPolicy ?? 'none'})`;
  return null;
}
