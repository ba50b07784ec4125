// AppSync Lambda data source behind rsvp and recordEmailRsvp (scheduleAcceptanceDigest): the
// first acceptance of an organizer's digest window queues the window's timer on the digest
// queue, delayed until the window's end (or 15 minutes, then again). A malformed payload is
// refused: the answer is then not recorded, rather than recorded without its digest.
import { requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { sendTimer } from './awsPorts';
import { delaySeconds, readDigestTimer } from './digestTimer';

export async function handler(event: unknown): Promise<{ queued: true; delaySeconds: number }> {
  const { DIGEST_QUEUE_URL } = requireEnv(['DIGEST_QUEUE_URL']);
  const timer = readDigestTimer(event);
  const seconds = delaySeconds(timer, Date.now());
  await sendTimer(DIGEST_QUEUE_URL, timer, seconds);
  log('INFO', 'acceptance digest scheduled', { organizerId: timer.organizerId, windowStart: timer.windowStart, delaySeconds: seconds });
  return { queued: true, delaySeconds: seconds };
}
