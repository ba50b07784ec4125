// Pipeline function: what is known against each new address (bounced, complained,
// unsubscribed from this organizer), then the sort: who is invited, who is a duplicate, who is
// refused. A call that would pass maxInvitationsPerEvent is refused here, before any write.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { sortInvitees, type Invitee, type ParsedInvitees } from '../../lib/invites';
import { suppressionKey } from '../../lib/keys';
import type { Refusal } from '../../lib/notices';
import type { AttendeeRecord, EventRecord, OrganizerRecord, SuppressionRecord } from '../../lib/records';

export function request(ctx: Context) {
  const parsed = ctx.stash.parsed as ParsedInvitees;
  const existing = (ctx.stash.existing ?? []) as AttendeeRecord[];
  const fresh = parsed.valid.length - existing.length;
  if (ctx.stash.refusal || fresh === 0) {
    sortInto(ctx, []);
    runtime.earlyReturn([]);
  }
  return {
    operation: 'BatchGetItem',
    tables: {
      [ctx.env.TABLE_NAME]: { keys: parsed.valid.map((invitee) => util.dynamodb.toMapValues(suppressionKey(invitee.email))), consistentRead: true },
    },
  };
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const suppressions = (ctx.result.data[ctx.env.TABLE_NAME] as (SuppressionRecord | null)[]).filter((s) => s !== null);
  sortInto(ctx, suppressions);
  const toInvite = ctx.stash.toInvite as Invitee[];
  const event = ctx.stash.event as EventRecord;
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const max = organizer.limits.maxInvitationsPerEvent;
  const current = event.counts ? event.counts.invited : 0;
  if (toInvite.length > 0 && current + toInvite.length > max) {
    const refusal: Refusal = {
      errorType: 'LimitExceeded',
      message: `Inviting ${toInvite.length} more would take "${event.title}" past the most invitations an event may have (maxInvitationsPerEvent ${max}; ${current} invited). Nobody was invited.`,
      errorInfo: { limit: 'maxInvitationsPerEvent', value: max, current, requested: toInvite.length },
      operation: 'inviteAttendees',
      eventId: event.id,
      eventTitle: event.title,
    };
    ctx.stash.refusal = refusal;
  }
  return suppressions;
}

function sortInto(ctx: Context, suppressions: SuppressionRecord[]) {
  const parsed = ctx.stash.parsed as ParsedInvitees;
  const sorted = sortInvitees(parsed.valid, (ctx.stash.existing ?? []) as AttendeeRecord[], suppressions, ctx.stash.organizerId);
  ctx.stash.toInvite = sorted.toInvite;
  ctx.stash.duplicates = sorted.duplicates;
  ctx.stash.rejected = sorted.rejected;
}
