// Pipeline function: one transaction records an answer: the attendee's status and answer
// (on condition that the attendee is as read: concurrent answers never lose a count), the
// event's counts (moved from the old status to the new, the event still ACTIVE), a history
// entry, and the organizer's statistics. A mail reply older than the answer recorded
// changes nothing (Conflict STALE_REPLY). A new acceptance also writes, in the same
// transaction, the organizer's ATTENDEE_ACCEPTED notice or its entry in their digest window
// (getAcceptanceNotices), so that it exists if and only if the answer was recorded.
import { util, type Context } from '@aws-appsync/utils';
import { countField } from '../../lib/attendees';
import { ErrorType } from '../../lib/errorTypes';
import { acceptanceWindowKey, attendeeKey, eventKey, organizerKey, rsvpHistoryKey } from '../../lib/keys';
import { acceptedNotice } from '../../lib/notices';
import type { AnswerRecord, AttendeeRecord, EventRecord, RsvpResponse } from '../../lib/records';
import { ACCEPTANCE_DIGEST_LIMITS, acceptanceEntry, isStaleReply, organizerStatField, statusOf, windowUpdate } from '../../lib/rsvps';
import type { AcceptanceFacts } from './getAcceptanceNotices';

export function request(ctx: Context) {
  const event = ctx.stash.event as EventRecord;
  const attendee = ctx.stash.attendee as AttendeeRecord;
  const response = ctx.stash.response as RsvpResponse;
  const now = util.time.nowISO8601();
  const reply = ctx.stash.reply as { sequence: number; dtstamp: string } | undefined;
  if (reply && attendee.answer) {
    const recorded = { sequence: attendee.answer.sequence, dtstampMs: util.time.parseISO8601ToEpochMilliSeconds(attendee.answer.dtstamp) };
    if (isStaleReply(recorded, reply.sequence, util.time.parseISO8601ToEpochMilliSeconds(reply.dtstamp))) {
      util.error('This reply is older than the answer already recorded: nothing changed.', ErrorType.Conflict, null, {
        reason: 'STALE_REPLY',
        recorded: { sequence: attendee.answer.sequence, dtstamp: attendee.answer.dtstamp },
      });
    }
  }
  const answer: AnswerRecord = {
    response,
    comment: ctx.stash.comment,
    via: ctx.stash.via,
    sequence: reply ? reply.sequence : event.sequence,
    dtstamp: reply ? reply.dtstamp : now,
    answeredAt: now,
  };
  const previous = attendee.status;
  const next = statusOf(response);
  ctx.stash.answered = { ...attendee, status: next, answer, updatedAt: now };
  const table = ctx.env.TABLE_NAME;
  const { pk, sk } = attendeeKey(event.id, attendee.email);
  const history = rsvpHistoryKey(event.id, attendee.email, now, util.autoId());
  const eventItem =
    previous === next
      ? {
          table,
          operation: 'ConditionCheck',
          key: util.dynamodb.toMapValues(eventKey(event.id)),
          condition: { expression: '#status = :active', expressionNames: { '#status': 'status' }, expressionValues: util.dynamodb.toMapValues({ ':active': 'ACTIVE' }) },
        }
      : {
          table,
          operation: 'UpdateItem',
          key: util.dynamodb.toMapValues(eventKey(event.id)),
          update: {
            expression: 'ADD #counts.#to :one, #counts.#from :minusOne',
            expressionNames: { '#counts': 'counts', '#to': countField(next), '#from': countField(previous) },
            expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':minusOne': -1 }),
          },
          condition: { expression: '#status = :active', expressionNames: { '#status': 'status' }, expressionValues: util.dynamodb.toMapValues({ ':active': 'ACTIVE' }) },
        };
  const acceptance = acceptanceItems(table, ctx.stash.acceptance as AcceptanceFacts | undefined, event, attendee, answer, previous);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ pk, sk }),
        update: {
          expression: 'SET #status = :next, #answer = :answer, #updatedAt = :now',
          expressionNames: { '#status': 'status', '#answer': 'answer', '#updatedAt': 'updatedAt' },
          expressionValues: util.dynamodb.toMapValues({ ':next': next, ':answer': answer, ':now': now }),
        },
        // As read: another answer in between would make this one's counts wrong.
        condition: {
          expression: '#status = :previous AND #updatedAt = :seen',
          expressionNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
          expressionValues: util.dynamodb.toMapValues({ ':previous': previous, ':seen': attendee.updatedAt }),
        },
      },
      eventItem,
      {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues(history),
        attributeValues: util.dynamodb.toMapValues({ ...answer, eventId: event.id, email: attendee.email, previous }),
        condition: { expression: 'attribute_not_exists(pk)' },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(organizerKey(event.organizerId)),
        update: { expression: 'ADD #stat :one', expressionNames: { '#stat': organizerStatField(response) }, expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
      },
      ...acceptance,
    ],
  };
}

/** The organizer's notice or digest entry for a new acceptance, as they chose (none when OFF). */
function acceptanceItems(table: string, facts: AcceptanceFacts | undefined, event: EventRecord, attendee: AttendeeRecord, answer: AnswerRecord, previous: AttendeeRecord['status']) {
  if (!facts || facts.setting === 'OFF') return [];
  const entry = acceptanceEntry(event, attendee, answer);
  if (facts.setting === 'EACH_ANSWER') {
    const noticeId = util.autoId();
    const notice = acceptedNotice(entry, previous, { organizerId: event.organizerId, noticeId, now: answer.answeredAt, nowEpochSeconds: util.time.nowEpochSeconds() });
    const { pk, sk, ...attributes } = notice;
    return [{ table, operation: 'PutItem', key: util.dynamodb.toMapValues({ pk, sk }), attributeValues: util.dynamodb.toMapValues(attributes), condition: { expression: 'attribute_not_exists(pk)' } }];
  }
  const update = windowUpdate(entry, {
    organizerId: event.organizerId,
    windowStart: facts.windowStart,
    windowEnd: facts.windowEnd,
    expiresAt: util.time.parseISO8601ToEpochMilliSeconds(facts.windowEnd) / 1000 + ACCEPTANCE_DIGEST_LIMITS.keepSeconds,
    countRead: facts.countRead,
  });
  return [
    {
      table,
      operation: 'UpdateItem',
      key: util.dynamodb.toMapValues(acceptanceWindowKey(event.organizerId, facts.windowStart)),
      update: { expression: update.expression, expressionNames: update.expressionNames, expressionValues: util.dynamodb.toMapValues(update.expressionValues) },
    },
  ];
}

export function response(ctx: Context) {
  if (ctx.error) {
    const reasons = ctx.result ? ctx.result.cancellationReasons : null;
    const failed = (i: number) => reasons && reasons[i] && reasons[i].type === 'ConditionalCheckFailed';
    if (failed(0)) {
      util.error('This attendee answered or was removed at the same moment: read it again and retry.', ErrorType.Conflict, null, { reason: 'ATTENDEE_CHANGED' });
    }
    if (failed(1)) util.error('This event was cancelled meanwhile: it takes no more answers.', ErrorType.Conflict, null, { reason: 'EVENT_CANCELLED' });
    util.error(ctx.error.message, ctx.error.type);
  }
  ctx.stash.attendee = ctx.stash.answered;
  return ctx.stash.answered;
}
