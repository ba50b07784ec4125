// Delivery order of a FIFO queue: messages in order of arrival, and a message group is held
// back while one of its messages is in flight (or still delayed), so that a group's messages
// are always received in order. One receive may take several messages of the same group.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html
//
// Each receive walks the queue from its oldest message: fine for the FIFO basics the local
// runtime offers, not tuned like the standard queue's heap.
import type { DeliveryOrder } from './deliveryOrder';
import type { StoredMessage } from './message';

export class FifoOrder implements DeliveryOrder {
  /** Live messages by arrival; a Map keeps insertion order and deletes in O(1). */
  private readonly messages = new Map<number, StoredMessage>();

  add(message: StoredMessage): void {
    this.messages.set(message.seq, message);
  }

  remove(message: StoredMessage): void {
    this.messages.delete(message.seq);
  }

  moved(): void {}

  visitReceivable(now: number, max: number, take: (message: StoredMessage) => boolean): void {
    const heldBack = new Set<string | undefined>();
    let taken = 0;
    for (const message of this.messages.values()) {
      if (taken >= max) return;
      const group = message.messageGroupId;
      if (heldBack.has(group)) continue;
      if (message.availableAt > now) {
        heldBack.add(group);
        continue;
      }
      if (take(message)) taken += 1;
    }
  }

  nextAvailableAt(now: number): number | undefined {
    const seen = new Set<string | undefined>();
    let next: number | undefined;
    for (const message of this.messages.values()) {
      if (seen.has(message.messageGroupId)) continue;
      seen.add(message.messageGroupId);
      if (message.availableAt > now && (next === undefined || message.availableAt < next)) next = message.availableAt;
    }
    return next;
  }

  clear(): void {
    this.messages.clear();
  }
}
