// A Message-ID that is the same every time the same mail is composed (a redelivered dispatch
// message composes the same id), and different for every attendee, kind and SEQUENCE.
// The attendee's address is hashed so that the id does not disclose it.
// SES replaces a Message-ID it is given with its own (https://docs.aws.amazon.com/ses/latest/dg/header-fields.html):
// this one names the mail in our logs and locally; SendEmail's MessageId names it at SES.
import { createHash } from 'node:crypto';
import { eventUid } from '../calendar/eventUid';
import type { InvitationKind } from './invitationFacts';

const TOKEN: Record<InvitationKind, string> = { invitation: 'invite', update: 'update', cancellation: 'cancel' };

/** `<invite.3.5f1c09a2b4e8d7c6.evt-1@calendar.example>`: kind, SEQUENCE, attendee hash, then the event's UID. */
export function invitationMessageId(kind: InvitationKind, eventId: string, sequence: number, attendeeEmail: string, mailDomain: string): string {
  const attendee = createHash('sha256').update(attendeeEmail.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `<${TOKEN[kind]}.${sequence}.${attendee}.${eventUid(eventId, mailDomain)}>`;
}
