// inviteAttendees, removeAttendee and attendees through the API: normalization, duplicates,
// invalid and suppressed addresses, the per-event and per-day limits (all or nothing), the
// event's counts, and cancelled events.
import { describe, expect, it } from 'vitest';
import { suppressionKey } from '../../resolvers/lib/keys';
import { daysFromNow, graphql, newOrganizer } from '../helpers/api';
import { putItem } from '../helpers/table';

const INVITE = /* GraphQL */ `
  mutation($eventId: ID!, $attendees: [AttendeeInput!]!) {
    inviteAttendees(eventId: $eventId, attendees: $attendees) {
      invited { email name status delivery { state attempts } }
      duplicates { email reason }
      invalid { email reason }
      rejected { email reason }
    }
  }
`;
const REMOVE = `mutation($eventId: ID!, $email: String!) { removeAttendee(eventId: $eventId, email: $email) { email status } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { counts { invited needsAction accepted declined tentative } } }`;
const ATTENDEES = `query($eventId: ID!, $status: AttendeeStatus, $delivery: DeliveryState, $limit: Int, $next: String) {
  attendees(eventId: $eventId, status: $status, delivery: $delivery, limit: $limit, nextToken: $next) { items { email name status } nextToken }
}`;

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

async function newEvent(organizer: Organizer) {
  const out = await graphql(
    'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
    { input: { title: 'Summer party', startsAt: daysFromNow(20), endsAt: daysFromNow(20, 4), timeZone: 'Europe/Berlin' } },
    organizer.auth,
  );
  expect(out.errors).toBeUndefined();
  return out.data!.createEvent.id as string;
}

async function setLimits(organizer: Organizer, limits: Record<string, number>) {
  const admin = await newOrganizer({ groups: ['admins'] });
  const out = await graphql('mutation($id: ID!, $l: OrganizerLimitsInput!) { setOrganizerLimits(id: $id, limits: $l) { id } }', { id: organizer.sub, l: limits }, admin.auth);
  expect(out.errors).toBeUndefined();
}

const people = (n: number, prefix = 'guest') => Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${i}@example.com`, name: `Guest ${i}` }));

describe('inviteAttendees', () => {
  it('invites, normalizing addresses, and sorts out duplicates and invalid addresses with reasons', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const out = await graphql(
      INVITE,
      {
        eventId,
        attendees: [
          { email: '  Ada.Lovelace@EXAMPLE.com ', name: ' Ada\r\nLovelace ' },
          { email: 'grace@example.com' },
          { email: 'not-an-address' },
          { email: 'ada.lovelace@example.com', name: 'Ada twice' },
        ],
      },
      organizer.auth,
    );
    expect(out.errors).toBeUndefined();
    const result = out.data!.inviteAttendees;
    expect(result.invited).toEqual([
      { email: 'Ada.Lovelace@example.com', name: 'Ada Lovelace', status: 'NEEDS_ACTION', delivery: { state: 'QUEUED', attempts: 0 } },
      { email: 'grace@example.com', name: null, status: 'NEEDS_ACTION', delivery: { state: 'QUEUED', attempts: 0 } },
    ]);
    expect(result.duplicates).toEqual([{ email: 'ada.lovelace@example.com', reason: 'listed more than once in this call' }]);
    expect(result.invalid).toEqual([{ email: 'not-an-address', reason: 'not an email address (local@domain)' }]);

    const again = (await graphql(INVITE, { eventId, attendees: [{ email: 'GRACE@example.com' }, { email: 'alan@example.com' }] }, organizer.auth)).data!.inviteAttendees;
    expect(again.invited.map((a: { email: string }) => a.email)).toEqual(['alan@example.com']);
    expect(again.duplicates).toEqual([{ email: 'GRACE@example.com', reason: 'already invited to this event' }]);

    const counts = (await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts;
    expect(counts).toEqual({ invited: 3, needsAction: 3, accepted: 0, declined: 0, tentative: 0 });
  });

  it('refuses addresses that bounced, complained or unsubscribed from this organizer', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const now = new Date().toISOString();
    await putItem({ ...suppressionKey('bounced@example.com'), email: 'bounced@example.com', reason: 'BOUNCED', updatedAt: now });
    await putItem({ ...suppressionKey('unsub@example.com'), email: 'unsub@example.com', unsubscribedFrom: [organizer.sub], updatedAt: now });
    const result = (
      await graphql(INVITE, { eventId, attendees: [{ email: 'bounced@example.com' }, { email: 'unsub@example.com' }, { email: 'fine@example.com' }] }, organizer.auth)
    ).data!.inviteAttendees;
    expect(result.invited.map((a: { email: string }) => a.email)).toEqual(['fine@example.com']);
    expect(result.rejected.map((r: { email: string }) => r.email)).toEqual(['bounced@example.com', 'unsub@example.com']);
  });

  it('invites 100 in one call (two transactions) and counts each once', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    const result = (await graphql(INVITE, { eventId, attendees: people(100) }, organizer.auth)).data!.inviteAttendees;
    expect(result.invited).toHaveLength(100);
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts.invited).toBe(100);
    const refused = await graphql(INVITE, { eventId, attendees: people(101) }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'attendees' }] } });
  });

  it('refuses a call that would pass maxInvitationsPerEvent as a whole, naming the limit', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    await setLimits(organizer, { maxInvitationsPerEvent: 5 });
    expect((await graphql(INVITE, { eventId, attendees: people(3) }, organizer.auth)).errors).toBeUndefined();
    const refused = await graphql(INVITE, { eventId, attendees: people(3, 'more') }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'LimitExceeded', errorInfo: { limit: 'maxInvitationsPerEvent', value: 5, current: 3, requested: 3 } });
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts.invited).toBe(3);
    expect((await graphql(INVITE, { eventId, attendees: people(2, 'more') }, organizer.auth)).errors).toBeUndefined();
  });

  it('refuses a call that would pass maxInvitationsPerDay, across events, inviting nobody', async () => {
    const organizer = await newOrganizer();
    await setLimits(organizer, { maxInvitationsPerDay: 4 });
    const first = await newEvent(organizer);
    const second = await newEvent(organizer);
    expect((await graphql(INVITE, { eventId: first, attendees: people(3) }, organizer.auth)).errors).toBeUndefined();
    const refused = await graphql(INVITE, { eventId: second, attendees: people(2) }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'LimitExceeded', errorInfo: { limit: 'maxInvitationsPerDay', value: 4, requested: 2 } });
    expect((await graphql(ATTENDEES, { eventId: second }, organizer.auth)).data!.attendees.items).toEqual([]);
  });

  it('keeps the limits under concurrent calls', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    await setLimits(organizer, { maxInvitationsPerEvent: 10 });
    const calls = await Promise.all([0, 1, 2, 3].map((i) => graphql(INVITE, { eventId, attendees: people(4, `c${i}`) }, organizer.auth)));
    const succeeded = calls.filter((c) => !c.errors).length;
    expect(succeeded).toBe(2);
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts.invited).toBe(8);
  });

  it('accepts no invitations for a cancelled event', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    await graphql('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: eventId }, organizer.auth);
    const refused = await graphql(INVITE, { eventId, attendees: people(1) }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'EVENT_CANCELLED' } });
  });

  it("refuses another organizer's event", async () => {
    const eventId = await newEvent(await newOrganizer());
    const refused = await graphql(INVITE, { eventId, attendees: people(1) }, (await newOrganizer()).auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'NOT_EVENT_ORGANIZER' } });
  });
});

describe('removeAttendee and attendees', () => {
  it('removes an attendee and its counts; an unknown one is NotFound', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    await graphql(INVITE, { eventId, attendees: people(3) }, organizer.auth);
    const removed = await graphql(REMOVE, { eventId, email: 'GUEST-1@example.com' }, organizer.auth);
    expect(removed.data!.removeAttendee).toEqual({ email: 'guest-1@example.com', status: 'NEEDS_ACTION' });
    expect((await graphql(COUNTS, { id: eventId }, organizer.auth)).data!.event.counts).toMatchObject({ invited: 2, needsAction: 2 });
    const again = await graphql(REMOVE, { eventId, email: 'guest-1@example.com' }, organizer.auth);
    expect(again.errors![0].errorType).toBe('NotFound');
    // Removed people may be invited again.
    const back = (await graphql(INVITE, { eventId, attendees: [{ email: 'guest-1@example.com' }] }, organizer.auth)).data!.inviteAttendees;
    expect(back.invited).toHaveLength(1);
  });

  it('pages the guest list in address order and filters it by answer and delivery state', async () => {
    const organizer = await newOrganizer();
    const eventId = await newEvent(organizer);
    await graphql(INVITE, { eventId, attendees: people(5) }, organizer.auth);
    const first = (await graphql(ATTENDEES, { eventId, limit: 3 }, organizer.auth)).data!.attendees;
    expect(first.items.map((a: { email: string }) => a.email)).toEqual(['guest-0@example.com', 'guest-1@example.com', 'guest-2@example.com']);
    const second = (await graphql(ATTENDEES, { eventId, limit: 3, next: first.nextToken }, organizer.auth)).data!.attendees;
    expect(second.items.map((a: { email: string }) => a.email)).toEqual(['guest-3@example.com', 'guest-4@example.com']);
    expect((await graphql(ATTENDEES, { eventId, status: 'ACCEPTED' }, organizer.auth)).data!.attendees.items).toEqual([]);
    expect((await graphql(ATTENDEES, { eventId, status: 'NEEDS_ACTION' }, organizer.auth)).data!.attendees.items).toHaveLength(5);
    const other = await graphql(ATTENDEES, { eventId }, (await newOrganizer()).auth);
    expect(other.errors![0].errorType).toBe('Unauthorized');
  });
});
