// Pipeline function (Lambda data source tokenVerifier): the attendee a token stands for.
// APPSYNC_JS has no HMAC, and the key stays in Secrets Manager: a function checks it.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { ErrorType } from '../../lib/errorTypes';

export function request(ctx: Context) {
  if (!ctx.stash.token) runtime.earlyReturn(null);
  return { operation: 'Invoke', payload: { token: ctx.stash.token } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(`The token could not be checked: ${ctx.error.message}`, 'TokenCheckUnavailable');
  const claims = ctx.result as { eventId: string; email: string } | null;
  if (!claims || claims.eventId !== ctx.stash.eventId) {
    util.error('This token is not valid for this event: use the link from your invitation.', ErrorType.Unauthorized, null, { reason: 'BAD_TOKEN' });
  }
  ctx.stash.email = claims.email;
  return claims;
}
