// Delivery order of a standard queue: every live message in one binary min-heap keyed by
// (availableAt, arrival), each message knowing its own index so that deleting it or changing
// its visibility costs O(log n) and leaves nothing stale behind. Messages that can be received
// now are at the top; the top's time is when the next hidden one comes back, so a queue needs
// one timer at most, never one per message.
//
// Standard queues promise best-effort order only
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html);
// locally they deliver in the order messages became available.
import type { DeliveryOrder } from './deliveryOrder';
import type { StoredMessage } from './message';

export class StandardOrder implements DeliveryOrder {
  private readonly heap: StoredMessage[] = [];

  add(message: StoredMessage): void {
    message.heapIndex = this.heap.length;
    this.heap.push(message);
    this.up(message.heapIndex);
  }

  remove(message: StoredMessage): void {
    const index = message.heapIndex;
    if (index < 0) return;
    const last = this.heap.pop()!;
    message.heapIndex = -1;
    if (last === message) return;
    this.heap[index] = last;
    last.heapIndex = index;
    this.down(index);
    this.up(last.heapIndex);
  }

  moved(message: StoredMessage): void {
    if (message.heapIndex < 0) return;
    this.down(message.heapIndex);
    this.up(message.heapIndex);
  }

  visitReceivable(now: number, max: number, take: (message: StoredMessage) => boolean): void {
    // Received messages leave the heap for the rest of the pass, so that one received with a
    // visibility timeout of 0 (receivable again at once) is not offered twice in one receive.
    const received: StoredMessage[] = [];
    while (received.length < max) {
      const top = this.heap[0];
      if (!top || top.availableAt > now) break;
      this.remove(top);
      if (take(top)) received.push(top);
    }
    for (const message of received) this.add(message);
  }

  nextAvailableAt(now: number): number | undefined {
    const top = this.heap[0];
    return top && top.availableAt > now ? top.availableAt : undefined;
  }

  clear(): void {
    for (const message of this.heap) message.heapIndex = -1;
    this.heap.length = 0;
  }

  private less(a: StoredMessage, b: StoredMessage): boolean {
    return a.availableAt < b.availableAt || (a.availableAt === b.availableAt && a.seq < b.seq);
  }

  private up(index: number): void {
    const { heap } = this;
    const item = heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!this.less(item, parent)) break;
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = item;
    item.heapIndex = index;
  }

  private down(index: number): void {
    const { heap } = this;
    const length = heap.length;
    const item = heap[index]!;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && this.less(heap[right]!, heap[left]!) ? right : left;
      if (!this.less(heap[child]!, item)) break;
      heap[index] = heap[child]!;
      heap[index]!.heapIndex = index;
      index = child;
    }
    heap[index] = item;
    item.heapIndex = index;
  }
}
