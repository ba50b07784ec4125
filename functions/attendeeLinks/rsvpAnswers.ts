// The three answers of the RSVP page as the invitation's links spell them (?answer=yes|maybe|no,
// functions/inviteDispatcher/dispatchMail.ts rsvpLinks) and as the API takes them (iCalendar
// PARTSTATs: RFC 5545 section 3.2.12).
import type { AttendeeStatus, RsvpResponse } from '../../resolvers/lib/records';

export type AnswerWord = 'yes' | 'maybe' | 'no';

/** In the order the page shows them. */
export const RSVP_ANSWERS: readonly { word: AnswerWord; response: RsvpResponse; label: string }[] = [
  { word: 'yes', response: 'ACCEPTED', label: 'Yes' },
  { word: 'maybe', response: 'TENTATIVE', label: 'Maybe' },
  { word: 'no', response: 'DECLINED', label: 'No' },
];

/** The answer a word names (case-insensitive), or null. */
export function answerWord(value: string | null | undefined): AnswerWord | null {
  const word = (value ?? '').trim().toLowerCase();
  return RSVP_ANSWERS.find((a) => a.word === word)?.word ?? null;
}

export function responseOf(word: AnswerWord): RsvpResponse {
  return RSVP_ANSWERS.find((a) => a.word === word)!.response;
}

/** "Yes", "Maybe", "No"; null for NEEDS_ACTION (no answer yet). */
export function statusLabel(status: AttendeeStatus): string | null {
  return RSVP_ANSWERS.find((a) => a.response === status)?.label ?? null;
}
