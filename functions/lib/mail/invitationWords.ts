// The sentences an invitation mail says, written once for the text and the HTML part
// (plain text here: the HTML part escapes them).
import type { InvitationFacts } from './invitationFacts';

export const SERVICE_NAME = 'Calendar Invites';

export const ANSWER_LABELS = { yes: 'Yes', maybe: 'Maybe', no: 'No' } as const;

/** The first line: who does what. */
export function leadSentence(facts: InvitationFacts): string {
  const who = facts.organizer ?? 'The organizer';
  switch (facts.kind) {
    case 'invitation':
      return `${who} invites you to an event.`;
    case 'update':
      return `${who} changed this event. Please check the details and answer again.`;
    case 'cancellation':
      return `${who} cancelled this event.`;
  }
}

export const NOTHING_TO_ANSWER = 'Your calendar removes the event when you open this message in it. There is nothing to answer.';

export const RSVP_PAGE_LINK = 'Answer, or change your answer, on your invitation page';

/** Says that the calendar's own buttons work, and where their answer goes. */
export function calendarButtonsSentence(facts: InvitationFacts): string {
  return `You can also answer with your calendar's Yes / Maybe / No buttons: the answer goes to ${facts.rsvpAddress}, which only reads calendar replies.`;
}

export function signature(facts: InvitationFacts): string {
  return `Sent by ${SERVICE_NAME} for ${facts.organizer ?? 'the organizer'}.`;
}
