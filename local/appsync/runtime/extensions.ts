// The `extensions` object APPSYNC_JS handlers import from @aws-appsync/utils. Each call is
// checked as AWS documents it and recorded on the current Evaluation; the executor acts on
// the records (it starts subscriptions with their filters, ends invalidated ones, evicts
// cache entries and reports `apiCacheEntriesDeleted`).
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html
import { currentEvaluation } from './evaluation';
import { ResolverError } from './signals';
import { SubscriptionFilterError, validateSubscriptionFilter, type SubscriptionInvalidation } from './subscriptionFilter';

/** "You can only use at most five unique extensions.invalidateSubscriptions() method calls in any single request." */
export const MAX_INVALIDATIONS_PER_REQUEST = 5;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// AWS answers a refused call with a GraphQL error on the field; the page gives no errorType.
function refuse(message: string): never {
  throw new ResolverError(message);
}

function checkedFilter(method: string, filter: unknown) {
  try {
    return validateSubscriptionFilter(filter);
  } catch (error) {
    if (error instanceof SubscriptionFilterError) refuse(`extensions.${method}: ${error.message}`);
    throw error;
  }
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const extensions = Object.freeze({
  /** Only meaningful in a subscription resolver's response handler; the last call wins. */
  setSubscriptionFilter(filter: unknown): void {
    currentEvaluation().subscriptionFilter = checkedFilter('setSubscriptionFilter', filter);
  },

  /** Only meaningful in a subscription resolver's response handler; the last call wins. */
  setSubscriptionInvalidationFilter(filter: unknown): void {
    currentEvaluation().invalidationFilter = checkedFilter('setSubscriptionInvalidationFilter', filter);
  },

  /** Only meaningful in a mutation resolver's response handler. Repeated identical calls count once. */
  invalidateSubscriptions(invalidation: unknown): void {
    if (!isObject(invalidation) || typeof invalidation.subscriptionField !== 'string' || invalidation.subscriptionField.length === 0) {
      refuse('extensions.invalidateSubscriptions takes { subscriptionField: string, payload: object }');
    }
    if (!isObject(invalidation.payload)) refuse('extensions.invalidateSubscriptions: payload must be an object of key-value pairs');
    const record: SubscriptionInvalidation = plain({ subscriptionField: invalidation.subscriptionField, payload: invalidation.payload });
    const evaluation = currentEvaluation();
    const list = (evaluation.invalidations ??= []);
    const key = JSON.stringify(record);
    if (list.some((existing) => JSON.stringify(existing) === key)) return;
    if (list.length >= MAX_INVALIDATIONS_PER_REQUEST) {
      refuse(`extensions.invalidateSubscriptions: at most ${MAX_INVALIDATIONS_PER_REQUEST} unique calls are allowed in a single request`);
    }
    list.push(record);
  },

  /**
   * Evicts the cached entry of `typeName.fieldName` whose caching keys have these values (keys
   * in the order of the resolver's cachingKeys, e.g. 'context.arguments.semester'). AWS acts on
   * it for mutations only.
   */
  evictFromApiCache(typeName: unknown, fieldName: unknown, keyValuePair: unknown): void {
    if (typeof typeName !== 'string' || typeName.length === 0) refuse('extensions.evictFromApiCache: typeName must be a non-empty string');
    if (typeof fieldName !== 'string' || fieldName.length === 0) refuse('extensions.evictFromApiCache: fieldName must be a non-empty string');
    if (!isObject(keyValuePair)) refuse('extensions.evictFromApiCache: the third argument must be an object of caching key values');
    (currentEvaluation().cacheEvictions ??= []).push({ typeName, fieldName, keys: plain(keyValuePair) });
  },
});
