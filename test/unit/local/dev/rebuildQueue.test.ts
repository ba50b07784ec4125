import { describe, expect, it } from 'vitest';
import { rebuildQueue } from '../../../../local/dev/rebuildQueue';

/** A rebuild that waits until the test lets it finish. */
function gatedRebuilds() {
  const gates: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  let runs = 0;
  const rebuild = () =>
    new Promise<void>((resolve) => {
      runs += 1;
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      gates.push(() => {
        running -= 1;
        resolve();
      });
    });
  const finishOne = async () => {
    await new Promise((r) => setImmediate(r));
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { rebuild, finishOne, stats: () => ({ runs, maxRunning }) };
}

describe('rebuildQueue', () => {
  it('never runs two rebuilds at once and queues one more for changes made meanwhile', async () => {
    const gated = gatedRebuilds();
    const queue = rebuildQueue(gated.rebuild);
    queue.request();
    queue.request();
    queue.request();
    queue.request();
    await gated.finishOne();
    expect(gated.stats()).toEqual({ runs: 2, maxRunning: 1 });
    await gated.finishOne();
    await queue.idle();
    expect(gated.stats()).toEqual({ runs: 2, maxRunning: 1 });
  });

  it('keeps going after a rebuild that throws', async () => {
    let runs = 0;
    const queue = rebuildQueue(async () => {
      runs += 1;
      if (runs === 1) throw new Error('synth failed');
    });
    queue.request();
    await queue.idle();
    queue.request();
    await queue.idle();
    expect(runs).toBe(2);
  });

  it('drops the queued rebuild once closed, and takes no more requests', async () => {
    const gated = gatedRebuilds();
    const queue = rebuildQueue(gated.rebuild);
    queue.request();
    queue.request();
    queue.close();
    queue.request();
    await gated.finishOne();
    await queue.idle();
    expect(gated.stats().runs).toBe(1);
  });
});
