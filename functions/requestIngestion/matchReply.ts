// A REPLY matched to an invitation: its UID must be one this service made
// (`<event id>@<mail domain>`, lib/calendar/eventUid.ts), the mail must come from the
// ATTENDEE it answers for (RFC 6047 sections 3 and 4: mail is easily spoofed, so the reply's
// originator must be its sender), and it must answer (ACCEPTED, DECLINED or TENTATIVE).
// Whether that attendee is invited, and whether the reply is newer than the answer
// recorded, is the API's decision (recordEmailRsvp).
import type { RsvpResponse } from '../../resolvers/lib/records';
import { eventIdOfUid } from '../lib/calendar/eventUid';
import type { ItipReply } from './parseReply';

/** recordEmailRsvp's arguments. */
export type EmailRsvp = {
  eventId: string;
  email: string;
  response: RsvpResponse;
  comment: string | null;
  sequence: number;
  dtstamp: string;
};

const ANSWERS: readonly string[] = ['ACCEPTED', 'DECLINED', 'TENTATIVE'] satisfies RsvpResponse[];

/** Why each PARTSTAT that is no answer is dropped (RFC 5545 section 3.2.12). */
const NOT_AN_ANSWER: Record<string, string> = {
  'NEEDS-ACTION': 'the reply leaves the invitation unanswered (PARTSTAT=NEEDS-ACTION)',
  DELEGATED: 'the attendee delegated the invitation (PARTSTAT=DELEGATED): delegation is not supported, the delegate is not invited',
};

/**
 * @param sender The From address, normalized (senderAddress.ts).
 * @param mailDomain The UID domain of our invitations: the RSVP address's domain.
 */
export function matchReply(reply: ItipReply, sender: string, mailDomain: string): { rsvp: EmailRsvp } | { problem: string } {
  const eventId = eventIdOfUid(reply.uid, mailDomain);
  if (!eventId) return { problem: 'the UID is not one of this service’s invitations' };
  if (reply.attendee !== sender) return { problem: 'the sender is not the ATTENDEE the reply answers for: forged, or sent on someone’s behalf' };
  if (!ANSWERS.includes(reply.partstat)) return { problem: NOT_AN_ANSWER[reply.partstat] ?? `PARTSTAT=${reply.partstat} is not an answer to an event` };
  return {
    rsvp: { eventId, email: reply.attendee, response: reply.partstat as RsvpResponse, comment: reply.comment, sequence: reply.sequence, dtstamp: reply.dtstamp },
  };
}
