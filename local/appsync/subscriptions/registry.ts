// The subscriptions open on the API, by subscription field.
import type { DocumentNode } from 'graphql';
import type { AuthContext } from '../auth/authenticate';
import type { SubscriptionFilter } from './filters';

/** Where a subscription's results go: the protocol turns them into its own frames. */
export interface SubscriptionSink {
  /** One result, already serialized as `{"data":...}` (shared by every sink of a group). */
  next(resultJson: string): void;
  /** The server ends the subscription (invalidated). */
  complete(): void;
}

export type ActiveSubscription = {
  field: string;
  args: Record<string, unknown>;
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  auth: AuthContext;
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  /**
   * Subscribers with the same query, variables and caller rights receive the same data:
   * it is computed and serialized once per group when a mutation publishes.
   */
  groupKey: string;
  sink: SubscriptionSink;
};

export class SubscriptionRegistry {
  private readonly byField = new Map<string, Set<ActiveSubscription>>();

  add(subscription: ActiveSubscription): () => void {
    let set = this.byField.get(subscription.field);
    if (!set) {
      set = new Set();
      this.byField.set(subscription.field, set);
    }
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  }

  forField(field: string): Iterable<ActiveSubscription> {
    return this.byField.get(field) ?? [];
  }

  get size(): number {
    let n = 0;
    for (const set of this.byField.values()) n += set.size;
    return n;
  }
}
