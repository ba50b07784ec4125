// Pipeline function: one transaction invites (up to ATTENDEES_PER_TRANSACTION) attendees and
// counts them: on the event (counts.invited within maxInvitationsPerEvent, the event still
// ACTIVE), on the organizer's day (within maxInvitationsPerDay) and in its statistics. The
// counters take the whole call, so a call of up to 100 crosses no limit even when its last
// attendees need a second transaction (putRemainingAttendees).
import { runtime, util, type Context } from "@aws-appsync/utils";
import { ErrorType } from "../../lib/errorTypes";
import {
  ATTENDEES_PER_TRANSACTION,
  newAttendeeRecord,
  utcDay,
  type Invitee,
} from "../../lib/invites";
import { eventKey, invitationsDayKey, organizerKey } from "../../lib/keys";
import type { Refusal } from "../../lib/notices";
import type {
  AttendeeRecord,
  EventRecord,
  OrganizerRecord,
} from "../../lib/records";

/** Day counters outlive their day by a week (TTL), for support questions. */
const DAY_COUNTER_TTL_SECONDS = 8 * 24 * 60 * 60;

export function request(ctx: Context) {
  const toInvite = (ctx.stash.toInvite ?? []) as Invitee[];
  if (ctx.stash.refusal || toInvite.length === 0) runtime.earlyReturn(null);
  const event = ctx.stash.event as EventRecord;
  const organizer = ctx.stash.organizer as OrganizerRecord;
  const now = util.time.nowISO8601();
  const attendees = toInvite.map((invitee) =>
    newAttendeeRecord(event, invitee, now, ctx.stash.source)
  );
  ctx.stash.attendees = attendees;
  const n = attendees.length;
  const table = ctx.env.TABLE_NAME;
  const puts = attendees.slice(0, ATTENDEES_PER_TRANSACTION).map((attendee) => {
    const { pk, sk, ...attributes } = attendee;
    return {
      table,
      operation: "PutItem",
      key: util.dynamodb.toMapValues({ pk, sk }),
      attributeValues: util.dynamodb.toMapValues(attributes),
      condition: { expression: "attribute_not_exists(pk)" },
    };
  });
  const counters: Record<string, unknown>[] = [
    {
      table,
      operation: "UpdateItem",
      key: util.dynamodb.toMapValues(eventKey(event.id)),
      update: {
        expression: "ADD #counts.#invited :n, #counts.#needsAction :n",
        expressionNames: {
          "#counts": "counts",
          "#invited": "invited",
          "#needsAction": "needsAction",
        },
        expressionValues: util.dynamodb.toMapValues({ ":n": n }),
      },
      condition: {
        expression: "#status = :active AND #counts.#invited <= :room",
        expressionNames: {
          "#status": "status",
          "#counts": "counts",
          "#invited": "invited",
        },
        expressionValues: util.dynamodb.toMapValues({
          ":active": "ACTIVE",
          ":room": organizer.limits.maxInvitationsPerEvent - n,
        }),
      },
    },
    {
      table,
      operation: "UpdateItem",
      key: util.dynamodb.toMapValues(
        invitationsDayKey(organizer.id, utcDay(now))
      ),
      update: {
        expression: "ADD #count :n SET #expiresAt = :expiresAt",
        expressionNames: { "#count": "count", "#expiresAt": "expiresAt" },
        expressionValues: util.dynamodb.toMapValues({
          ":n": n,
          ":expiresAt": util.time.nowEpochSeconds() + DAY_COUNTER_TTL_SECONDS,
        }),
      },
      condition: {
        expression: "attribute_not_exists(#count) OR #count <= :room",
        expressionNames: { "#count": "count" },
        expressionValues: util.dynamodb.toMapValues({
          ":room": organizer.limits.maxInvitationsPerDay - n,
        }),
      },
    },
    {
      table,
      operation: "UpdateItem",
      key: util.dynamodb.toMapValues(organizerKey(organizer.id)),
      update: {
        expression: "ADD #stats.#sent :n SET #updatedAt = :now",
        expressionNames: {
          "#stats": "stats",
          "#sent": "invitationsSent",
          "#updatedAt": "updatedAt",
        },
        expressionValues: util.dynamodb.toMapValues({ ":n": n, ":now": now }),
      },
    },
  ];
  return {
    operation: "TransactWriteItems",
    transactItems: counters.concat(puts),
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reasons = ctx.result ? ctx.result.cancellationReasons : null;
    const failed = (i: number) =>
      reasons && reasons[i] && reasons[i].type === "ConditionalCheckFailed";
    const event = ctx.stash.event as EventRecord;
    const organizer = ctx.stash.organizer as OrganizerRecord;
    const n = (ctx.stash.attendees as AttendeeRecord[]).length;
    if (failed(0)) {
      // Read ACTIVE and within the limit a moment ago: cancelled, or filled, meanwhile.
      const refusal: Refusal = {
        errorType: "LimitExceeded",
        message: `Inviting ${n} more would take "${event.title}" past the most invitations an event may have (maxInvitationsPerEvent ${organizer.limits.maxInvitationsPerEvent}), or it was cancelled meanwhile. Nobody was invited.`,
        errorInfo: {
          limit: "maxInvitationsPerEvent",
          value: organizer.limits.maxInvitationsPerEvent,
          requested: n,
        },
        operation: "inviteAttendees",
        eventId: event.id,
        eventTitle: event.title,
      };
      ctx.stash.refusal = refusal;
      ctx.stash.attendees = [];
      return null;
    }
    if (failed(1)) {
      const refusal: Refusal = {
        errorType: "LimitExceeded",
        message: `Inviting ${n} more today would pass the most invitations you may send in a day (maxInvitationsPerDay ${organizer.limits.maxInvitationsPerDay}, UTC days). Nobody was invited.`,
        errorInfo: {
          limit: "maxInvitationsPerDay",
          value: organizer.limits.maxInvitationsPerDay,
          requested: n,
        },
        operation: "inviteAttendees",
        eventId: event.id,
        eventTitle: event.title,
      };
      ctx.stash.refusal = refusal;
      ctx.stash.attendees = [];
      return null;
    }
    if (
      reasons &&
      reasons.some(
        (r: { type?: string }, i: number) =>
          i > 2 && r && r.type === "ConditionalCheckFailed"
      )
    ) {
      util.error(
        "Some of these people were invited by another request at the same moment. Nobody was invited by this one: send it again.",
        ErrorType.Conflict,
        null,
        {
          reason: "CONCURRENT_INVITE",
        }
      );
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  const placed = (ctx.stash.attendees as AttendeeRecord[]).slice(
    0,
    ATTENDEES_PER_TRANSACTION
  );
  ctx.stash.invited = placed;
  return placed;
}
