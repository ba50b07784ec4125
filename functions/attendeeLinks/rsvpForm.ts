// The RSVP page's form as posted: application/x-www-form-urlencoded (what the page's form
// sends; a body without Content-Type is read the same way), `answer=yes|maybe|no` and an
// optional `comment`. The API owns the comment's limit; the body's limit here only keeps a
// request we would refuse anyway from being parsed.
import { answerWord, type AnswerWord } from './rsvpAnswers';

/**
 * Bodies past this are refused unread: a comment at the API's limit (resolvers/lib/rsvps.ts
 * RSVP_LIMITS, 500 UTF-16 units) percent-encodes to at most 9 bytes a unit (a 3-byte UTF-8 character), 4,500 bytes.
 */
export const MAX_RSVP_FORM_BYTES = 16 * 1024;

export type RsvpForm =
  | { kind: 'answer'; answer: AnswerWord; comment: string }
  /** No answer, an unknown one, or not a form. */
  | { kind: 'unreadable'; comment: string }
  | { kind: 'too-large' };

export function readRsvpForm(contentType: string | undefined, body: string): RsvpForm {
  if (Buffer.byteLength(body, 'utf8') > MAX_RSVP_FORM_BYTES) return { kind: 'too-large' };
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return { kind: 'unreadable', comment: '' };
  const form = new URLSearchParams(body.trim());
  const comment = form.get('comment') ?? '';
  const answer = answerWord(form.get('answer'));
  return answer ? { kind: 'answer', answer, comment } : { kind: 'unreadable', comment };
}
