// Which of the stack's inbound addresses a message came in for. Both share one receipt rule
// (infra/mail.ts), so the envelope recipients the rule matched say which: the requests
// address (organizers' CSV imports now, emailed event requests later) or the RSVP address
// (attendees' iTIP replies). A message to both is a request: replies go to RSVP alone.
import { normalizeEmail } from '../../resolvers/lib/keys';

export type MailRoute = 'requests' | 'rsvp';

export type InboundAddresses = { requests: string; rsvp: string };

/** The route of a message with these envelope recipients, or null when it is for neither address. */
export function mailRoute(recipients: readonly string[], addresses: InboundAddresses): MailRoute | null {
  const to = new Set(recipients.map(normalizeEmail));
  if (to.has(normalizeEmail(addresses.requests))) return 'requests';
  if (to.has(normalizeEmail(addresses.rsvp))) return 'rsvp';
  return null;
}
