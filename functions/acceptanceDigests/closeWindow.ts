// A digest timer's work: once its window has ended, the window's acceptances become one
// ACCEPTANCE_DIGEST notice and the window item goes, in one transaction conditioned on the
// window being as read (an acceptance landing meanwhile makes it read again). The window's
// deletion makes it exactly once: a second timer of the same window, or a redelivery, finds
// nothing left. A window that has not ended yet is waited for again.
import { acceptanceDigestNotice } from '../../resolvers/lib/notices';
import type { AcceptanceWindowRecord, NoticeRecord } from '../../resolvers/lib/records';
import { delaySeconds, type DigestTimer } from './digestTimer';

export type DigestPorts = {
  /** The window item (consistent read), or null when there is none. */
  readWindow(timer: DigestTimer): Promise<AcceptanceWindowRecord | null>;
  /** Puts the notice and deletes the window if its count is still `count`; false when it is not. */
  closeWith(notice: NoticeRecord, timer: DigestTimer, count: number): Promise<boolean>;
  /** Sends the timer again, delayed by `seconds`. */
  requeue(timer: DigestTimer, seconds: number): Promise<void>;
};

export type Closing = { outcome: 'closed'; noticeId: string; count: number } | { outcome: 'nothing' } | { outcome: 'waiting'; seconds: number } | { outcome: 'retry'; reason: string };

/** Reads again this often when acceptances keep landing between the read and the close. */
export const CLOSE_ATTEMPTS = 3;

export async function closeWindow(timer: DigestTimer, ports: DigestPorts, clock: { nowMs: number; newId: () => string }): Promise<Closing> {
  const wait = delaySeconds(timer, clock.nowMs);
  if (wait > 0) {
    await ports.requeue(timer, wait);
    return { outcome: 'waiting', seconds: wait };
  }
  for (let attempt = 0; attempt < CLOSE_ATTEMPTS; attempt += 1) {
    const window = await ports.readWindow(timer);
    if (!window || !(window.count > 0)) return { outcome: 'nothing' };
    const now = new Date(clock.nowMs);
    const notice = acceptanceDigestNotice(window, { noticeId: clock.newId(), now: now.toISOString(), nowEpochSeconds: Math.floor(clock.nowMs / 1000) });
    if (await ports.closeWith(notice, timer, window.count)) return { outcome: 'closed', noticeId: notice.id, count: window.count };
  }
  return { outcome: 'retry', reason: `the window kept changing over ${CLOSE_ATTEMPTS} reads` };
}
