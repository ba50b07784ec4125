// Pipeline function: for a new acceptance only (else no call at all), how the event's
// organizer hears of it (their `acceptanceNotices`, EACH_ANSWER when missing) and how many
// acceptances their current digest window holds, in one BatchGetItem. recordAnswer writes the
// notice or the window entry in its transaction; scheduleAcceptanceDigest sets the window's
// timer when this is its first acceptance.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { acceptanceWindowKey, organizerKey } from '../../lib/keys';
import type { AcceptanceNoticesSetting, AttendeeRecord, EventRecord, RsvpResponse } from '../../lib/records';
import { acceptanceNoticesOf, digestWindow, isNewAcceptance } from '../../lib/rsvps';

/** What recordAnswer and scheduleAcceptanceDigest read from the stash. */
export type AcceptanceFacts = {
  setting: AcceptanceNoticesSetting;
  windowStart: string;
  windowEnd: string;
  /** Acceptances the window held when read (0 when it did not exist yet). */
  countRead: number;
  windowExists: boolean;
};

export function request(ctx: Context) {
  const event = ctx.stash.event as EventRecord;
  const attendee = ctx.stash.attendee as AttendeeRecord;
  if (!isNewAcceptance(attendee.status, ctx.stash.response as RsvpResponse)) runtime.earlyReturn(null);
  const window = digestWindow(util.time.nowEpochSeconds(), Number(ctx.env.ACCEPTANCE_DIGEST_SECONDS));
  const windowStart = util.time.epochMilliSecondsToISO8601(window.start * 1000);
  ctx.stash.digestWindow = { windowStart, windowEnd: util.time.epochMilliSecondsToISO8601(window.end * 1000) };
  return {
    operation: 'BatchGetItem',
    tables: {
      [ctx.env.TABLE_NAME]: {
        keys: [util.dynamodb.toMapValues(organizerKey(event.organizerId)), util.dynamodb.toMapValues(acceptanceWindowKey(event.organizerId, windowStart))],
        consistentRead: true,
        projection: { expression: '#setting, #count', expressionNames: { '#setting': 'acceptanceNotices', '#count': 'count' } },
      },
    },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const table = ctx.env.TABLE_NAME;
  const unprocessed = ctx.result.unprocessedKeys ? ctx.result.unprocessedKeys[table] : null;
  // Throttled: without the setting, the organizer could get the wrong kind of notice.
  if (unprocessed && unprocessed.length > 0) util.error('The organizer could not be read: try again.', 'DynamoDB:ProvisionedThroughputExceededException');
  const [organizer, openWindow] = ctx.result.data[table] as [{ acceptanceNotices?: AcceptanceNoticesSetting } | null, { count?: number } | null];
  const facts: AcceptanceFacts = {
    ...(ctx.stash.digestWindow as { windowStart: string; windowEnd: string }),
    setting: acceptanceNoticesOf(organizer),
    countRead: openWindow && openWindow.count ? openWindow.count : 0,
    windowExists: !!openWindow,
  };
  ctx.stash.acceptance = facts;
  return facts;
}
