// What one dispatch message comes to, given the table as it is now (pure). The message names
// an attendee and a reason; the mail always shows the event as it is when it is sent, with
// the event's current SEQUENCE, so a late invitation never shows stale details and an
// invitation and an update queued for the same SEQUENCE send one mail between them.
//
// | message                    | sends                                   | unless                                  |
// | REQUEST INVITED / UPDATED  | invitation (first mail) or update       | attendee gone, event gone or cancelled  |
// | CANCEL EVENT_CANCELLED     | cancellation, to everyone (declined too) | attendee gone, event not cancelled      |
// | CANCEL REMOVED             | cancellation of their place             | re-invited since, event gone            |
// Any mail to a suppressed address (bounced, complained, unsubscribed from the organizer) is
// not sent, and the attendee shows SUPPRESSED.
import type { DispatchMessage } from '../../resolvers/lib/dispatch';
import { normalizeEmail } from '../../resolvers/lib/keys';
import type { AttendeeRecord, EventRecord, SuppressionRecord } from '../../resolvers/lib/records';
import type { InvitationKind } from '../lib/mail/invitationFacts';

export type MailFacts = {
  event: EventRecord | null;
  attendee: AttendeeRecord | null;
  suppression: SuppressionRecord | null;
};

export type MailPlan =
  | { action: 'skip'; reason: string }
  | { action: 'suppress'; reason: string }
  | {
      action: 'send';
      event: EventRecord;
      kind: InvitationKind;
      sequence: number;
      attendee: { email: string; name: string | null };
      /** One mail per (invitation, method, SEQUENCE): the send-once claim's id. */
      mailId: string;
    };

export function planMail(message: DispatchMessage, facts: MailFacts): MailPlan {
  const { event, attendee } = facts;
  if (!event) return { action: 'skip', reason: 'the event no longer exists' };
  const invitedAt = attendee?.invitedAt ?? message.invitedAt ?? 'unknown';
  const mailId = (method: string, sequence: number) => `${event.id}/${normalizeEmail(message.email)}/${invitedAt}/${method}/${sequence}`;

  if (message.reason === 'REMOVED') {
    if (attendee && attendee.invitedAt !== message.invitedAt) return { action: 'skip', reason: 'invited again since the removal' };
    const suppressed = suppressionReason(facts.suppression, event.organizerId);
    if (suppressed) return { action: 'suppress', reason: suppressed };
    const sequence = Math.max(message.sequence, event.sequence);
    return { action: 'send', event, kind: 'cancellation', sequence, attendee: { email: message.email, name: message.name ?? null }, mailId: mailId('CANCEL', sequence) };
  }
  if (!attendee) return { action: 'skip', reason: 'no longer an attendee' };
  // What would be sent at all comes first: a suppression only matters to a mail that would go.
  if (message.kind === 'CANCEL' && event.status !== 'CANCELLED') return { action: 'skip', reason: 'the event is not cancelled' };
  if (message.kind === 'REQUEST' && event.status !== 'ACTIVE') return { action: 'skip', reason: 'the event is cancelled' };
  const suppressed = suppressionReason(facts.suppression, event.organizerId);
  if (suppressed) return { action: 'suppress', reason: suppressed };
  const to = { email: attendee.email, name: attendee.name };
  if (message.kind === 'CANCEL') {
    return { action: 'send', event, kind: 'cancellation', sequence: event.sequence, attendee: to, mailId: mailId('CANCEL', event.sequence) };
  }
  const kind: InvitationKind = attendee.delivery.sequence === null || attendee.delivery.sequence === undefined ? 'invitation' : 'update';
  return { action: 'send', event, kind, sequence: event.sequence, attendee: to, mailId: mailId('REQUEST', event.sequence) };
}

/** Why no mail may go to this address for this organizer, or null. */
export function suppressionReason(suppression: SuppressionRecord | null, organizerId: string): string | null {
  if (!suppression) return null;
  if (suppression.reason === 'BOUNCED') return 'mail to this address bounced';
  if (suppression.reason === 'COMPLAINED') return 'this address marked our mail as spam';
  if ((suppression.unsubscribedFrom ?? []).includes(organizerId)) return "this address unsubscribed from the organizer's invitations";
  return null;
}
