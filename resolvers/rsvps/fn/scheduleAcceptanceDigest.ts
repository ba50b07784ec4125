// Pipeline function (Lambda data source acceptanceDigestTimer): the first acceptance of an
// organizer's digest window queues the window's timer (a delayed message for the digest
// function) before the answer is recorded, so that no window exists without a timer: a
// failed queueing fails the answer (nothing recorded, the caller retries), and a timer whose
// answer then fails finds no window and does nothing. Concurrent first acceptances each
// queue one: the digest is made once all the same.
import { runtime, util, type Context } from '@aws-appsync/utils';
import type { EventRecord } from '../../lib/records';
import type { AcceptanceFacts } from './getAcceptanceNotices';

export function request(ctx: Context) {
  const facts = ctx.stash.acceptance as AcceptanceFacts | undefined;
  if (!facts || facts.setting !== 'DIGEST' || facts.windowExists) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  return { operation: 'Invoke', payload: { organizerId: event.organizerId, windowStart: facts.windowStart, windowEnd: facts.windowEnd } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(`The acceptance digest could not be scheduled: ${ctx.error.message}`, 'DigestTimerUnavailable');
  return ctx.result;
}
