// The iTIP REPLY a message to the RSVP address carries: its calendar parts (calendarParts.ts,
// best copy first) read in turn (parseReply.ts); the first REPLY wins. Clients send copies
// that can differ (Google's inline part and invite.ics): the inline part is trusted first,
// and a copy that does not parse does not hide a good one. When there is no REPLY, the reason
// says what the message was instead.
import type { Email } from 'postal-mime';
import { brokenMime } from './brokenMime';
import { calendarParts } from './calendarParts';
import { parseReply, type ItipReply } from './parseReply';

export type FoundReply = { reply: ItipReply; part: number } | { problem: string };

export const NOT_A_CALENDAR = 'not a calendar message: no text/calendar part and no .ics attachment';

export function findReply(email: Pick<Email, 'headers' | 'text' | 'html' | 'attachments'>): FoundReply {
  const broken = brokenMime(email);
  if (broken) return { problem: broken };
  const parts = calendarParts(email.attachments);
  if (parts.length === 0) return { problem: NOT_A_CALENDAR };

  const others: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const parsed = parseReply(part.text);
    if (parsed.kind === 'reply') return { reply: parsed.reply, part: part.index };
    if (parsed.kind === 'notReply') others.push(parsed.method ?? 'calendar without METHOD');
    else problems.push(parsed.problem);
  }
  if (others.length > 0) return { problem: notReplyReason(others[0]!) };
  return { problem: problems[0]! };
}

function notReplyReason(method: string): string {
  if (method === 'COUNTER') return 'a COUNTER (a proposal of another time), not a REPLY: proposals are not handled';
  return `the calendar is a ${method}, not a REPLY`;
}
