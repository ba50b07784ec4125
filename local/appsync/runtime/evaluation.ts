// Per-field state that `util` needs while a handler runs (errors appended with
// util.appendError, the request's auth mode). Handlers are synchronous, so one "current"
// slot is enough: the executor sets it before a handler and clears it after.

export type AppendedError = { message: string; errorType: string | null; data: unknown; errorInfo: unknown };

export interface Evaluation {
  readonly authType: string;
  readonly appendedErrors: AppendedError[];
}

let current: Evaluation | null = null;

export function withEvaluation<T>(evaluation: Evaluation, run: () => T): T {
  const previous = current;
  current = evaluation;
  try {
    return run();
  } finally {
    current = previous;
  }
}

export function currentEvaluation(): Evaluation {
  if (!current) throw new Error('util was called outside a resolver handler');
  return current;
}
