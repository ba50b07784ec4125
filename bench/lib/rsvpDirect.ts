// The baseline of bench/rsvp.bench.ts: the DynamoDB calls Mutation.rsvp's pipeline makes
// (infra/resolvers.ts: verifyAttendeeToken -> getEventForRsvp -> getAttendee ->
// getAcceptanceNotices -> scheduleAcceptanceDigest -> recordAnswer),
// in its order, with the items its resolvers build, made directly with the SDK. When the
// pipeline gains or loses a DynamoDB call, add or remove it in RSVP_STEPS.
import { BatchGetItemCommand, DynamoDBClient, GetItemCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { countField } from '../../resolvers/lib/attendees';
import { acceptanceWindowKey, attendeeKey, eventKey, organizerKey, rsvpHistoryKey } from '../../resolvers/lib/keys';
import { acceptedNotice } from '../../resolvers/lib/notices';
import type { AcceptanceNoticesSetting, AnswerRecord, AttendeeRecord, EventRecord, RsvpChannel, RsvpResponse } from '../../resolvers/lib/records';
import { acceptanceEntry, acceptanceNoticesOf, digestWindow, isNewAcceptance, organizerStatField, statusOf } from '../../resolvers/lib/rsvps';

/** The API's ACCEPTANCE_DIGEST_SECONDS in the template (infra/api.ts). */
const DIGEST_WINDOW_SECONDS = 3600;

export type RsvpCall = {
  eventId: string;
  email: string;
  response: RsvpResponse;
  via: RsvpChannel;
  /** The organizer answering for the attendee (via ORGANIZER): the event must be theirs. */
  organizerId?: string;
};

type State = { call: RsvpCall; event?: EventRecord; attendee?: AttendeeRecord; acceptanceNotices?: AcceptanceNoticesSetting };

type Step = { fn: string; run(client: DynamoDBClient, table: string, state: State): Promise<void> };

const active = { expression: '#status = :active', names: { '#status': 'status' }, values: marshall({ ':active': 'ACTIVE' }) };

/** One entry per pipeline function that calls DynamoDB, in pipeline order. */
export const RSVP_STEPS: Step[] = [
  {
    fn: 'getEventForRsvp',
    async run(client, table, state) {
      const out = await client.send(new GetItemCommand({ TableName: table, Key: marshall(eventKey(state.call.eventId)), ConsistentRead: true }));
      const event = out.Item && (unmarshall(out.Item) as EventRecord);
      if (!event || event.status === 'CANCELLED') throw new Error('event missing or cancelled');
      if (state.call.via === 'ORGANIZER' && event.organizerId !== state.call.organizerId) throw new Error('not the organizer');
      state.event = event;
    },
  },
  {
    fn: 'getAttendee',
    async run(client, table, state) {
      const out = await client.send(new GetItemCommand({ TableName: table, Key: marshall(attendeeKey(state.call.eventId, state.call.email)), ConsistentRead: true }));
      if (!out.Item) throw new Error(`${state.call.email} is not invited`);
      state.attendee = unmarshall(out.Item) as AttendeeRecord;
    },
  },
  {
    // For a new acceptance only: the organizer's notice setting and their digest window.
    fn: 'getAcceptanceNotices',
    async run(client, table, state) {
      if (!isNewAcceptance(state.attendee!.status, state.call.response)) return;
      const organizerId = state.event!.organizerId;
      const window = digestWindow(Math.floor(Date.now() / 1000), DIGEST_WINDOW_SECONDS);
      const windowStart = new Date(window.start * 1000).toISOString();
      const out = await client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [table]: {
              Keys: [marshall(organizerKey(organizerId)), marshall(acceptanceWindowKey(organizerId, windowStart))],
              ConsistentRead: true,
              ProjectionExpression: '#setting, #count',
              ExpressionAttributeNames: { '#setting': 'acceptanceNotices', '#count': 'count' },
            },
          },
        }),
      );
      const organizer = (out.Responses?.[table] ?? []).map((item) => unmarshall(item)).find((item) => 'acceptanceNotices' in item) ?? null;
      state.acceptanceNotices = acceptanceNoticesOf(organizer as { acceptanceNotices?: AcceptanceNoticesSetting } | null);
      // DIGEST would invoke the acceptanceDigestTimer Lambda (scheduleAcceptanceDigest) and update the window.
      if (state.acceptanceNotices === 'DIGEST') throw new Error('the baseline plays EACH_ANSWER and OFF organizers only');
    },
  },
  {
    fn: 'recordAnswer',
    async run(client, table, state) {
      const event = state.event!;
      const attendee = state.attendee!;
      const { response, via } = state.call;
      const now = new Date().toISOString();
      const answer: AnswerRecord = { response, comment: null, via, sequence: event.sequence, dtstamp: now, answeredAt: now };
      const previous = attendee.status;
      const next = statusOf(response);
      const eventItem =
        previous === next
          ? { ConditionCheck: { TableName: table, Key: marshall(eventKey(event.id)), ConditionExpression: active.expression, ExpressionAttributeNames: active.names, ExpressionAttributeValues: active.values } }
          : {
              Update: {
                TableName: table,
                Key: marshall(eventKey(event.id)),
                UpdateExpression: 'ADD #counts.#to :one, #counts.#from :minusOne',
                ConditionExpression: active.expression,
                ExpressionAttributeNames: { '#counts': 'counts', '#to': countField(next), '#from': countField(previous), ...active.names },
                ExpressionAttributeValues: { ...marshall({ ':one': 1, ':minusOne': -1 }), ...active.values },
              },
            };
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: marshall(attendeeKey(event.id, attendee.email)),
                UpdateExpression: 'SET #status = :next, #answer = :answer, #updatedAt = :now',
                ConditionExpression: '#status = :previous AND #updatedAt = :seen',
                ExpressionAttributeNames: { '#status': 'status', '#answer': 'answer', '#updatedAt': 'updatedAt' },
                ExpressionAttributeValues: marshall({ ':next': next, ':answer': answer, ':now': now, ':previous': previous, ':seen': attendee.updatedAt }),
              },
            },
            eventItem,
            {
              Put: {
                TableName: table,
                Item: marshall({ ...rsvpHistoryKey(event.id, attendee.email, now, randomUUID()), ...answer, eventId: event.id, email: attendee.email, previous }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: table,
                Key: marshall(organizerKey(event.organizerId)),
                UpdateExpression: 'ADD #stat :one',
                ExpressionAttributeNames: { '#stat': organizerStatField(response) },
                ExpressionAttributeValues: marshall({ ':one': 1 }),
              },
            },
            ...acceptanceItems(table, state, answer, previous),
          ],
        }),
      );
    },
  },
];

/** A new acceptance's notice to the organizer (EACH_ANSWER), written in recordAnswer's transaction. */
function acceptanceItems(table: string, state: State, answer: AnswerRecord, previous: AttendeeRecord['status']): TransactWriteItem[] {
  if (state.acceptanceNotices !== 'EACH_ANSWER') return [];
  const event = state.event!;
  const entry = acceptanceEntry(event, state.attendee!, answer);
  const notice = acceptedNotice(entry, previous, { organizerId: event.organizerId, noticeId: randomUUID(), now: answer.answeredAt, nowEpochSeconds: Math.floor(Date.now() / 1000) });
  return [{ Put: { TableName: table, Item: marshall(notice, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' } }];
}

/** Mutation.rsvp's DynamoDB calls for one answer, without AppSync around them. */
export async function rsvpDirect(client: DynamoDBClient, table: string, call: RsvpCall): Promise<void> {
  const state: State = { call };
  for (const step of RSVP_STEPS) await step.run(client, table, state);
}
