// Runs rebuilds one at a time: a request during a rebuild queues exactly one more (however
// many arrive), which starts when the current one ends and sees every change made meanwhile.
export type RebuildQueue = {
  request(): void;
  /** Resolves when no rebuild is running or queued. */
  idle(): Promise<void>;
  /** Takes no more requests; a queued rebuild is dropped (the running one is not waited for). */
  close(): void;
};

export function rebuildQueue(rebuild: () => Promise<void>): RebuildQueue {
  let running: Promise<void> | undefined;
  let queued = false;
  let closed = false;
  const loop = async () => {
    do {
      queued = false;
      // A rebuild reports its own failures; one that throws must not stop the next.
      await rebuild().catch(() => undefined);
    } while (queued && !closed);
    running = undefined;
  };
  return {
    request() {
      if (closed) return;
      if (running) queued = true;
      else running = loop();
    },
    async idle() {
      while (running) await running;
    },
    close() {
      closed = true;
      queued = false;
    },
  };
}
