// NEW_EVENT_INVITE on the product's own template: every attendee inviteAttendees inserts is
// published once from the table's stream, valid against its JSON Schema, with the attributes
// subscribers filter on; an address already invited publishes nothing more. The test
// subscribes queues of its own to the topic at run time, as another system would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromNow, endpoints, graphql, iamGraphql, newOrganizer } from '../helpers/api';
import { schemaErrors } from '../helpers/topicSchemas';
import { TopicTap, type TappedMessage } from '../helpers/topicTap';

/** How long a publication may wait behind other test files' stream records. */
const STREAM_BACKLOG_MS = 180_000;

const e = () => endpoints();

function output(path: string): string {
  const value = e().outputs[`${e().stackName}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${e().stackName}/${path}`);
  return value;
}

let invites: TopicTap;
const filtered: TopicTap[] = [];

beforeAll(async () => {
  invites = await TopicTap.subscribe(e(), output('Messaging/NewEventInvite'));
});

afterAll(async () => {
  for (const tap of [invites, ...filtered]) await tap?.close();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;
const INVITE = /* GraphQL */ `
  mutation($eventId: ID!, $attendees: [AttendeeInput!]!, $organizerId: ID) {
    inviteAttendees(eventId: $eventId, attendees: $attendees, organizerId: $organizerId) {
      invited { email name invitedAt }
      duplicates { email reason }
    }
  }
`;

type Invited = { email: string; name: string | null; invitedAt: string };

async function createEvent(auth: Record<string, string>): Promise<string> {
  const result = await graphql(CREATE, { input: { title: 'Invite party', startsAt: daysFromNow(30), endsAt: daysFromNow(30, 2), timeZone: 'Europe/Paris' } }, auth);
  expect(result.errors).toBeUndefined();
  return result.data!.createEvent.id as string;
}

function expectValid(message: TappedMessage) {
  expect(schemaErrors(message.body), message.body.messageId).toEqual([]);
  expect(message.attributes).toEqual({ type: 'NEW_EVENT_INVITE', organizerId: message.body.organizerId, eventId: message.body.eventId });
}

describe('NEW_EVENT_INVITE', () => {
  // The table's stream is shared with the other test files: behind the 10,000-row import's
  // attendees, these invitations are published minutes later, in stream order.
  it('publishes one valid message per invited attendee, and nothing for a duplicate invitation', { timeout: STREAM_BACKLOG_MS + 30_000 }, async () => {
    const organizer = await newOrganizer();
    const eventId = await createEvent(organizer.auth);
    // As a subscriber's filter policy would: only this event's invitations.
    const thisEvent = await TopicTap.subscribe(e(), output('Messaging/NewEventInvite'), { filterPolicy: { eventId: [eventId] } });
    filtered.push(thisEvent);

    const out = await graphql(INVITE, { eventId, attendees: [{ email: ' Ada.Lovelace@EXAMPLE.com ', name: 'Ada Lovelace' }, { email: 'grace@example.com' }] }, organizer.auth);
    expect(out.errors).toBeUndefined();
    const invited = out.data!.inviteAttendees.invited as Invited[];
    expect(invited.map((a) => a.email)).toEqual(['Ada.Lovelace@example.com', 'grace@example.com']);

    for (const attendee of invited) {
      const messageId = `NEW_EVENT_INVITE#${eventId}#${attendee.email.toLowerCase()}#${attendee.invitedAt}`;
      const message = await invites.next(`the invitation of ${attendee.email}`, (b) => b.messageId === messageId, STREAM_BACKLOG_MS);
      expectValid(message);
      expect(message.body).toEqual({
        type: 'NEW_EVENT_INVITE',
        schemaVersion: 1,
        messageId,
        occurredAt: attendee.invitedAt,
        organizerId: organizer.sub,
        eventId,
        attendee: { email: attendee.email, name: attendee.name, source: 'API', invitedAt: attendee.invitedAt },
      });
    }

    const again = await graphql(INVITE, { eventId, attendees: [{ email: 'ada.lovelace@example.com' }, { email: 'GRACE@example.com', name: 'Grace' }] }, organizer.auth);
    expect(again.errors).toBeUndefined();
    expect(again.data!.inviteAttendees.invited).toEqual([]);
    expect(again.data!.inviteAttendees.duplicates).toHaveLength(2);

    expect(await invites.all((b) => b.eventId === eventId)).toHaveLength(2);
    expect((await thisEvent.all(() => true)).map((m) => m.body.eventId)).toEqual([eventId, eventId]);
  });

  it('says an attendee invited by a backend caller (IAM) came from an import', { timeout: STREAM_BACKLOG_MS + 30_000 }, async () => {
    const organizer = await newOrganizer();
    const eventId = await createEvent(organizer.auth);
    const out = await iamGraphql(INVITE, { eventId, organizerId: organizer.sub, attendees: [{ email: 'imported@example.com', name: 'Imported Guest' }] });
    expect(out.errors).toBeUndefined();

    const message = await invites.next('the imported invitation', (b) => b.eventId === eventId, STREAM_BACKLOG_MS);
    expectValid(message);
    expect(message.body).toMatchObject({ organizerId: organizer.sub, attendee: { email: 'imported@example.com', name: 'Imported Guest', source: 'IMPORT' } });
    expect(await invites.all((b) => b.eventId === eventId)).toHaveLength(1);
  });
});
