// An async iterator fed by pushes: bridges our subscription sinks to graphql-ws's server,
// which consumes operations as async iterables.

export type PushIterator<T> = {
  iterator: AsyncIterableIterator<T>;
  push(value: T): void;
  end(): void;
};

export function pushIterator<T>(onReturn: () => void): PushIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    onReturn();
    waiting?.({ value: undefined, done: true });
    waiting = null;
  };
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  return {
    iterator,
    push(value) {
      if (done) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value, done: false });
      } else queue.push(value);
    },
    end: finish,
  };
}
