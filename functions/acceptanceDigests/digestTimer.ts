// The timer of one digest window: a message on the digest queue naming the organizer and the
// window, delayed until the window has ended (SQS delays go to 15 minutes: a longer wait is
// the same message sent again with the time left). Pure.
import { MalformedInputError } from '../lib/errors';

export type DigestTimer = { organizerId: string; windowStart: string; windowEnd: string };

/** SQS's longest DelaySeconds. */
export const MAX_DELAY_SECONDS = 900;

/**
 * The window is closed this long after its end: answers read the clock a moment before their
 * transaction commits, so the last ones of a window may land just after it.
 */
export const CLOSE_GRACE_SECONDS = 10;

/** Seconds to wait before the window can be closed (0: now), at most MAX_DELAY_SECONDS. */
export function delaySeconds(timer: DigestTimer, nowMs: number): number {
  const due = Date.parse(timer.windowEnd) + CLOSE_GRACE_SECONDS * 1000;
  const left = Math.ceil((due - nowMs) / 1000);
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, left));
}

/** A timer from the resolver's payload or a queue message body, or a MalformedInputError. */
export function readDigestTimer(value: unknown): DigestTimer {
  const timer = value as Partial<DigestTimer> | null;
  const text = (name: keyof DigestTimer) => typeof timer?.[name] === 'string' && (timer[name] as string).length > 0;
  if (!timer || typeof timer !== 'object' || !text('organizerId')) throw new MalformedInputError('A digest timer needs an organizerId.');
  for (const name of ['windowStart', 'windowEnd'] as const) {
    if (!text(name) || Number.isNaN(Date.parse(timer[name] as string))) throw new MalformedInputError(`A digest timer needs ${name} as an ISO 8601 time.`);
  }
  return { organizerId: timer.organizerId!, windowStart: timer.windowStart!, windowEnd: timer.windowEnd! };
}

/** A queue message body as a timer (JSON), or a MalformedInputError. */
export function parseDigestTimer(body: string): DigestTimer {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new MalformedInputError(`The digest timer is not JSON (${(error as Error).message}).`, { cause: error });
  }
  return readDigestTimer(value);
}
