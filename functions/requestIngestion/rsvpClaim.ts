// An RSVP by mail is applied once, although SQS delivers at least once and people (and
// clients) send the same reply twice: two idempotency items (lib/sendOnce/sendClaim.ts, the
// ingestion's consumer), one per message and one per reply.
// - The message: its Message-ID header, scoped to the sender (somebody else's mail with the
//   same Message-ID must not block this one); SES's message id when there is no Message-ID.
// - The reply itself (RFC 5546 section 2.1.5 orders replies by SEQUENCE, then DTSTAMP): UID,
//   attendee, SEQUENCE and DTSTAMP. The same reply in another message (a copy forwarded, a
//   client resending) is not applied again.
// Both are hashed: the key stays short whatever a header holds, and carries no address.
import { createHash } from 'node:crypto';
import type { ItipReply } from './parseReply';

export function messageClaimId(sender: string, messageId: string | undefined, sesMessageId: string): string {
  const id = messageId?.trim();
  return id ? `rsvp-message/${digest(['message-id', sender, id])}` : `rsvp-message/ses/${sesMessageId}`;
}

export function replyClaimId(reply: Pick<ItipReply, 'uid' | 'attendee' | 'sequence' | 'dtstamp'>): string {
  return `rsvp-reply/${digest([reply.uid, reply.attendee, String(reply.sequence), reply.dtstamp])}`;
}

function digest(parts: string[]): string {
  // NUL cannot occur in a header or a property value: the parts cannot run into each other.
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
