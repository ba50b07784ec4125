// Subscription.onRoomMessage: argument filtering on room, invalidated by closeRoom.
import { extensions, type Context } from '@aws-appsync/utils';

export function request() {
  return { payload: null };
}

export function response(ctx: Context) {
  extensions.setSubscriptionInvalidationFilter({
    filterGroup: [{ filters: [{ fieldName: 'room', operator: 'eq', value: ctx.args.room }] }],
  });
  return null;
}
