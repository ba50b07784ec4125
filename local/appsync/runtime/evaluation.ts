// Per-field state that `util` and `extensions` need while a handler runs (errors appended
// with util.appendError, the request's auth mode, and what handlers asked of the service:
// response headers, subscription filters, invalidations, cache evictions). Handlers are
// synchronous, so one "current" slot is enough: the executor sets it before a handler and
// clears it after.
import type { CacheEviction, SubscriptionFilter, SubscriptionInvalidation } from './subscriptionFilter';

export type AppendedError = { message: string; errorType: string | null; data: unknown; errorInfo: unknown };

export interface Evaluation {
  readonly authType: string;
  readonly appendedErrors: AppendedError[];
  /**
   * util.http.addResponseHeader(s): headers for the HTTP response, last definition wins.
   * AWS limits apply per GraphQL operation, so give every Evaluation of one request the same
   * object. Created on first use when absent.
   */
  responseHeaders?: Record<string, string>;
  /** extensions.setSubscriptionFilter: the filter of the subscription being started (last call wins). */
  subscriptionFilter?: SubscriptionFilter;
  /** extensions.setSubscriptionInvalidationFilter: what ends this subscription (last call wins). */
  invalidationFilter?: SubscriptionFilter;
  /**
   * extensions.invalidateSubscriptions calls, deduplicated. AWS allows five unique calls per
   * request: share one array between the Evaluations of a request so the limit counts them all.
   */
  invalidations?: SubscriptionInvalidation[];
  /** extensions.evictFromApiCache calls (AWS acts on them for mutations only). */
  cacheEvictions?: CacheEviction[];
}

/** A fresh Evaluation; pass `shared` records to make several fields of one request count together. */
export function createEvaluation(
  authType: string,
  shared: Pick<Evaluation, 'responseHeaders' | 'invalidations' | 'cacheEvictions'> = {},
): Evaluation {
  return {
    authType,
    appendedErrors: [],
    responseHeaders: shared.responseHeaders ?? {},
    invalidations: shared.invalidations ?? [],
    cacheEvictions: shared.cacheEvictions ?? [],
  };
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
