// Subscription.onUrgentMessage: an enhanced filter on priority.
import { extensions, util, type Context } from '@aws-appsync/utils';

export function request() {
  return { payload: null };
}

export function response(ctx: Context) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ priority: { ge: ctx.args.minPriority } }));
  return null;
}
