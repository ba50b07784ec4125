// The event request a message to the requests address carries: its calendar parts
// (calendarParts.ts, the inline iMIP part first, then .ics attachments) read in turn
// (parseEventRequest.ts); the first REQUEST wins, so a copy that does not parse does not
// hide a good one. When there is none, the reason says what the calendar was instead.
import type { Email } from 'postal-mime';
import { calendarParts } from './calendarParts';
import { parseEventRequest, type ItipRequest } from './parseEventRequest';

export type FoundRequest = { request: ItipRequest; part: number } | { problem: string };

/** The message's event request, why its calendar is none, or null when it carries no calendar. */
export function findEventRequest(email: Pick<Email, 'attachments'>, skip: (email: string) => boolean): FoundRequest | null {
  const parts = calendarParts(email.attachments);
  if (parts.length === 0) return null;
  const others: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const parsed = parseEventRequest(part.text, skip);
    if (parsed.kind === 'request') return { request: parsed.request, part: part.index };
    if (parsed.kind === 'notRequest') others.push(parsed.method ?? 'calendar without METHOD');
    else problems.push(parsed.problem);
  }
  if (problems.length > 0) return { problem: problems[0]! };
  return { problem: `the calendar is a ${others[0]!}, not a REQUEST: mail an invitation (METHOD:REQUEST) to create an event` };
}
