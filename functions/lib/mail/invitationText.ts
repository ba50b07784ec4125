// The text/plain part: what, when (in the event's zone), where, who organizes, the
// description, and how to answer: the links when given, and the calendar's own buttons.
import type { InvitationFacts } from './invitationFacts';
import { ANSWER_LABELS, calendarButtonsSentence, leadSentence, NOTHING_TO_ANSWER, RSVP_PAGE_LINK, signature } from './invitationWords';

export function invitationText(facts: InvitationFacts): string {
  const lines: string[] = [leadSentence(facts), '', facts.title, ''];
  lines.push(`When:      ${facts.when} (${facts.zone})`);
  if (facts.where) lines.push(`Where:     ${facts.where}`);
  if (facts.organizer) lines.push(`Organizer: ${facts.organizer}`);
  if (facts.description) lines.push('', facts.description);
  if (facts.reason) lines.push('', `Reason: ${facts.reason}`);
  lines.push('');
  if (facts.kind === 'cancellation') {
    lines.push(NOTHING_TO_ANSWER);
  } else {
    const answers = (['yes', 'maybe', 'no'] as const).filter((key) => facts.links[key]);
    if (answers.length > 0) {
      lines.push('Will you attend?');
      for (const key of answers) lines.push(`  ${`${ANSWER_LABELS[key]}:`.padEnd(6)} ${facts.links[key]}`);
      lines.push('');
    }
    if (facts.links.rsvpPage) lines.push(`${RSVP_PAGE_LINK}: ${facts.links.rsvpPage}`, '');
    lines.push(calendarButtonsSentence(facts));
  }
  lines.push('', '-- ', signature(facts), '');
  return lines.join('\n');
}
