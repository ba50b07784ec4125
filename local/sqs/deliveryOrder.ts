// How a queue picks the messages a receive gets: standard queues by availability
// (standardOrder.ts), FIFO queues by arrival within message groups (fifoOrder.ts).
import type { StoredMessage } from './message';

export interface DeliveryOrder {
  add(message: StoredMessage): void;
  remove(message: StoredMessage): void;
  /** The message's availableAt changed. */
  moved(message: StoredMessage): void;
  /**
   * Visits messages receivable at `now`, in delivery order, until `take` has received `max`.
   * `take` receives the message (true) or drops it, expired or moved to a dead-letter queue
   * (false); no message is offered twice in one visit.
   */
  visitReceivable(now: number, max: number, take: (message: StoredMessage) => boolean): void;
  /** When the next message not receivable at `now` becomes receivable, if any. */
  nextAvailableAt(now: number): number | undefined;
  clear(): void;
}
