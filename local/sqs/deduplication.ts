// FIFO deduplication: a message whose deduplication id was seen in the last five minutes is
// accepted but not enqueued again, and the sender gets the first message's ids back.
// Content-based deduplication ids are the SHA-256 of the body (not of the attributes).
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html (MessageDeduplicationId)
import { createHash } from 'node:crypto';

/** The deduplication interval. */
export const DEDUPLICATION_INTERVAL_MS = 5 * 60 * 1000;

export type FirstSend = { messageId: string; sequenceNumber: string };

export class DeduplicationWindow {
  /** Keys in order of first sight, so expired ones are always at the front. */
  private readonly seen = new Map<string, FirstSend & { expiresAt: number }>();

  /** The first send of this key within the interval, if any. */
  find(key: string, now: number): FirstSend | undefined {
    this.expire(now);
    return this.seen.get(key);
  }

  remember(key: string, first: FirstSend, now: number): void {
    this.seen.set(key, { ...first, expiresAt: now + DEDUPLICATION_INTERVAL_MS });
  }

  clear(): void {
    this.seen.clear();
  }

  private expire(now: number): void {
    for (const [key, entry] of this.seen) {
      if (entry.expiresAt > now) return;
      this.seen.delete(key);
    }
  }
}

export function contentDeduplicationId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
