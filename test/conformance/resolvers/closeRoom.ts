// Mutation.closeRoom: invalidates onRoomMessage subscriptions of that room.
import { extensions, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  return { payload: { room: ctx.args.room } };
}

export function response(ctx: Context) {
  extensions.invalidateSubscriptions({ subscriptionField: 'onRoomMessage', payload: { room: ctx.args.room } });
  return true;
}
