// The availability heap behind standard queues: whatever order messages are added, removed and
// moved in, receivable ones come out by (availableAt, arrival).
import { describe, expect, it } from 'vitest';
import { StoredMessage } from '../../../../local/sqs/message';
import { StandardOrder } from '../../../../local/sqs/standardOrder';

const message = (seq: number, availableAt: number) =>
  new StoredMessage(seq, `m${seq}`, 'b', '', undefined, undefined, 's', 0, 0, availableAt, undefined, undefined, undefined, undefined);

describe('StandardOrder', () => {
  it('keeps heap order through adds, removals and moves', () => {
    const order = new StandardOrder();
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const live = new Map<number, StoredMessage>();
    for (let seq = 1; seq <= 500; seq += 1) {
      const m = message(seq, Math.floor(random() * 100));
      live.set(seq, m);
      order.add(m);
      if (random() < 0.3) {
        const victim = [...live.values()][Math.floor(random() * live.size)]!;
        order.remove(victim);
        live.delete(victim.seq);
      }
      if (random() < 0.3) {
        const moved = [...live.values()][Math.floor(random() * live.size)]!;
        moved.availableAt = Math.floor(random() * 100);
        order.moved(moved);
      }
    }
    const taken: StoredMessage[] = [];
    order.visitReceivable(1_000, Number.MAX_SAFE_INTEGER, (m) => {
      taken.push(m);
      return true;
    });
    const expected = [...live.values()].sort((a, b) => a.availableAt - b.availableAt || a.seq - b.seq);
    expect(taken.map((m) => m.seq)).toEqual(expected.map((m) => m.seq));
  });

  it('says when the next hidden message comes back', () => {
    const order = new StandardOrder();
    order.add(message(1, 50));
    order.add(message(2, 20));
    expect(order.nextAvailableAt(10)).toBe(20);
    expect(order.nextAvailableAt(20)).toBeUndefined();
  });
});
