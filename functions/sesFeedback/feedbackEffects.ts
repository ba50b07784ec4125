// What an SES event record changes in the table (ARCHITECTURE.md section 5, flow 11):
// - a permanent (hard) bounce suppresses the address (reason BOUNCED) and, when the mail was
//   an invitation, marks the attendee BOUNCED with SES's diagnostic as lastError;
// - a complaint suppresses the address (COMPLAINED) and marks the attendee likewise, except a
//   "not-spam" report, which says the opposite of a complaint (RFC 5965 section 7.3);
// - a transient or undetermined bounce, and a Reject (SES found a virus and sent nothing),
//   only note the error on the attendee: the address may well work next time;
// - everything else (Delivery, Send, ...) changes nothing.
// Mail that is not an invitation (no purpose=invitation tag) still suppresses its address:
// a bad address is bad for every mail the stack sends.
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
import { invitationEventId } from '../lib/mail/invitationTags';
import type { SesFeedback } from './parseFeedback';

/** lastError is cut to this (diagnostic codes are remote servers' text, of any length). */
export const LAST_ERROR_MAX_LENGTH = 500;

/** RFC 5965 section 7.3 feedback type that reports a message as not spam. */
const NOT_SPAM = 'not-spam';

export type SuppressionReason = 'BOUNCED' | 'COMPLAINED';

export type FeedbackEffect =
  | { kind: 'suppress'; email: string; reason: SuppressionReason }
  /**
   * `state` null: only lastError changes, and only while `sesMessageId` is the attendee's
   * latest mail (a passing error of an older mail says nothing about the latest).
   */
  | { kind: 'attendee'; eventId: string; email: string; state: SuppressionReason | null; lastError: string; sesMessageId: string };

export type FeedbackPlan = { effects: FeedbackEffect[]; eventId: string | null; note?: string };

export function feedbackEffects(feedback: SesFeedback): FeedbackPlan {
  const eventId = feedback.type === 'Other' ? null : invitationEventId(feedback.tags);
  const attendee = (email: string, state: SuppressionReason | null, lastError: string): FeedbackEffect[] =>
    eventId ? [{ kind: 'attendee', eventId, email, state, lastError: cut(lastError), sesMessageId: feedback.messageId }] : [];

  switch (feedback.type) {
    case 'Bounce': {
      const hard = feedback.bounceType === 'Permanent';
      const effects = feedback.recipients.flatMap((r) => {
        const lastError = `${feedback.bounceType} bounce (${feedback.bounceSubType})${r.diagnostic ? `: ${r.diagnostic}` : ''}`;
        return hard
          ? [{ kind: 'suppress', email: r.email, reason: 'BOUNCED' } as const, ...attendee(r.email, 'BOUNCED', lastError)]
          : attendee(r.email, null, lastError);
      });
      return { effects, eventId, ...(hard || eventId ? {} : { note: `a ${feedback.bounceType.toLowerCase()} bounce of mail that is not an invitation` }) };
    }
    case 'Complaint': {
      if (feedback.feedbackType === NOT_SPAM) return { effects: [], eventId, note: 'a not-spam report is no complaint' };
      const lastError = `Complaint${feedback.feedbackType ? ` (${feedback.feedbackType})` : ''}: the recipient reported the mail as spam`;
      const effects = feedback.recipients.flatMap((email) => [{ kind: 'suppress', email, reason: 'COMPLAINED' } as const, ...attendee(email, 'COMPLAINED', lastError)]);
      return { effects, eventId };
    }
    case 'Reject': {
      const lastError = `Rejected by SES${feedback.reason ? `: ${feedback.reason}` : ''}`;
      const effects = feedback.recipients.flatMap((email) => attendee(email, null, lastError));
      return { effects, eventId, ...(eventId ? {} : { note: 'a Reject of mail that is not an invitation' }) };
    }
    case 'Other':
      return { effects: [], eventId, note: `${feedback.eventType} events change nothing` };
  }
}

function cut(text: string): string {
  return text.length <= LAST_ERROR_MAX_LENGTH ? text : `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…`;
}
