// The subject line: "Invitation: <title> @ <when> (<zone>)", "Updated invitation: ...",
// "Cancelled: ...". One line by construction (the facts are cleaned), the title cut so that
// the date stays visible.
import { cut } from '../calendar/plainText';
import type { InvitationFacts, InvitationKind } from './invitationFacts';

/** Titles past this are cut in the subject (clients show far less than RFC 5322's 998-character lines). */
export const SUBJECT_TITLE_MAX_LENGTH = 120;

const PREFIX: Record<InvitationKind, string> = {
  invitation: 'Invitation',
  update: 'Updated invitation',
  cancellation: 'Cancelled',
};

export function invitationSubject(facts: InvitationFacts): string {
  return `${PREFIX[facts.kind]}: ${cut(facts.title, SUBJECT_TITLE_MAX_LENGTH)} @ ${facts.when} (${facts.timeZone})`;
}
