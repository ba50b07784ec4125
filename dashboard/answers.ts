// The latest answers: the answered attendees of a first read, newest first, then each answer
// pushed live on top (an attendee who answers again moves up; their older answer goes).
import type { Answer } from './render';

/** How many answers the page keeps on screen. */
export const LATEST_ANSWERS = 10;

const answeredAt = (a: Answer) => a.answer?.answeredAt ?? a.updatedAt;

export function latestAnswers(attendees: readonly Answer[], limit = LATEST_ANSWERS): Answer[] {
  return attendees
    .filter((a) => a.answer !== null)
    .sort((a, b) => answeredAt(b).localeCompare(answeredAt(a)))
    .slice(0, limit);
}

export function withAnswer(latest: readonly Answer[], pushed: Answer, limit = LATEST_ANSWERS): Answer[] {
  return [pushed, ...latest.filter((a) => a.email !== pushed.email)].slice(0, limit);
}
