// Pipeline function, last of every organizer change: when an earlier function refused the
// request (suspension, a limit), record a notice for the organizer, then return the refusal
// as the error. Without a refusal it passes the previous result on.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { refusalNotice, type Refusal } from '../../lib/notices';

export function request(ctx: Context) {
  const refusal = ctx.stash.refusal as Refusal | undefined;
  if (!refusal) runtime.earlyReturn(ctx.prev.result);
  const notice = refusalNotice(refusal, {
    organizerId: ctx.stash.organizerId,
    noticeId: util.autoId(),
    now: util.time.nowISO8601(),
    nowEpochSeconds: util.time.nowEpochSeconds(),
  });
  const { pk, sk, ...attributes } = notice;
  return { operation: 'PutItem', key: util.dynamodb.toMapValues({ pk, sk }), attributeValues: util.dynamodb.toMapValues(attributes) };
}

export function response(ctx: Context) {
  // A notice that cannot be recorded never changes the answer: it is logged, and the
  // caller still gets the refusal.
  if (ctx.error) console.log(`notice for refused ${ctx.info.fieldName} not recorded: ${ctx.error.message}`);
  const refusal = ctx.stash.refusal as Refusal;
  util.error(refusal.message, refusal.errorType, null, refusal.errorInfo);
  return null;
}
