// updateEvent and cancelEvent through the API: optimistic concurrency, the iCalendar
// SEQUENCE, validation, ownership, the organizer's counters, and the status filter of events.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { eventKey, organizerKey } from '../../resolvers/lib/keys';
import { daysFromNow, graphql, newOrganizer, table } from '../helpers/api';
import { marshallKey, putItem } from '../helpers/table';

const FIELDS = 'id organizerId title description location startsAt endsAt timeZone notes status sequence version cancelledAt cancelReason updatedAt';
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!, $v: Int!) { updateEvent(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { ${FIELDS} } }`;
const ME = '{ me { stats { activeEvents eventsCreated } } }';

type Organizer = Awaited<ReturnType<typeof newOrganizer>>;

async function createEvent(organizer: Organizer, overrides: Record<string, unknown> = {}) {
  const result = await graphql(
    CREATE,
    { input: { title: 'Board meeting', startsAt: daysFromNow(10), endsAt: daysFromNow(10, 2), timeZone: 'Europe/Paris', notes: 'book room 4', ...overrides } },
    organizer.auth,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createEvent;
}

async function stored(id: string) {
  const { client, name } = table();
  const out = await client.send(new GetItemCommand({ TableName: name, Key: marshallKey(eventKey(id)), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('updateEvent', () => {
  it('changes what attendees see: version and SEQUENCE both grow', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(UPDATE, { id: event.id, v: 1, input: { title: 'Board meeting (moved)', location: 'Room 5' } }, organizer.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateEvent).toMatchObject({ title: 'Board meeting (moved)', location: 'Room 5', version: 2, sequence: 1 });
    expect(await stored(event.id)).toMatchObject({ title: 'Board meeting (moved)', version: 2, sequence: 1 });
  });

  it('changes organizer-only notes without a new SEQUENCE', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(UPDATE, { id: event.id, v: 1, input: { notes: 'room 4 is booked' } }, organizer.auth);
    expect(result.data!.updateEvent).toMatchObject({ notes: 'room 4 is booked', version: 2, sequence: 0 });
  });

  it('moves an event, normalizing the new instants to UTC', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(UPDATE, { id: event.id, v: 1, input: { startsAt: '2031-01-05T10:00:00+01:00', endsAt: '2031-01-05T12:00:00+01:00' } }, organizer.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateEvent).toMatchObject({ startsAt: '2031-01-05T09:00:00.000Z', endsAt: '2031-01-05T11:00:00.000Z', sequence: 1 });
  });

  it('refuses a stale expectedVersion with Conflict and the current version, changing nothing', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    await graphql(UPDATE, { id: event.id, v: 1, input: { title: 'First change' } }, organizer.auth);
    const stale = await graphql(UPDATE, { id: event.id, v: 1, input: { title: 'Lost update' } }, organizer.auth);
    expect(stale.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'VERSION_CONFLICT', expectedVersion: 1, currentVersion: 2 } });
    expect((await stored(event.id))?.title).toBe('First change');
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const results = await Promise.all(
      ['A', 'B', 'C'].map((t) => graphql(UPDATE, { id: event.id, v: 1, input: { title: `Title ${t}` } }, organizer.auth)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0].errorType).toBe('Conflict');
    expect((await stored(event.id))?.version).toBe(2);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(UPDATE, { id: event.id, v: 1, input: { title: '  Board meeting ' } }, organizer.auth);
    expect(result.data!.updateEvent).toMatchObject({ version: 1, sequence: 0, updatedAt: event.updatedAt });
  });

  it('names each invalid field: moved to the past, end before start, blank title, unknown zone', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(
      UPDATE,
      { id: event.id, v: 1, input: { title: ' ', startsAt: daysFromNow(-1), endsAt: daysFromNow(-2), timeZone: 'Mars/Olympus' } },
      organizer.auth,
    );
    expect(result.errors![0].errorType).toBe('ValidationError');
    const fields = (result.errors![0].errorInfo!.violations as { field: string }[]).map((v) => v.field).sort();
    expect(fields).toEqual(['input.endsAt', 'input.startsAt', 'input.timeZone', 'input.title']);
    expect((result.errors![0].errorInfo!.violations as { message: string }[]).find((v) => v.message.includes('moved to the past'))).toBeDefined();
  });

  it('lets the organizer fix the title of an event that has already started, but not move it into the past', async () => {
    const organizer = await newOrganizer();
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await putItem({
      ...eventKey(id), id, organizerId: organizer.sub, title: 'Started', description: null, location: null,
      startsAt: daysFromNow(-1), endsAt: daysFromNow(1), timeZone: 'UTC', status: 'ACTIVE', sequence: 0, version: 1, createdAt: now, updatedAt: now,
    });
    const renamed = await graphql(UPDATE, { id, v: 1, input: { title: 'Started (renamed)' } }, organizer.auth);
    expect(renamed.errors).toBeUndefined();
    const moved = await graphql(UPDATE, { id, v: 2, input: { startsAt: daysFromNow(-2) } }, organizer.auth);
    expect(moved.errors![0].errorType).toBe('ValidationError');
  });

  it("refuses another organizer's event (Unauthorized, even for an admin) and an unknown id (NotFound)", async () => {
    const owner = await newOrganizer();
    const event = await createEvent(owner);
    for (const other of [await newOrganizer(), await newOrganizer({ groups: ['admins'] })]) {
      const result = await graphql(UPDATE, { id: event.id, v: 1, input: { title: 'Mine now' } }, other.auth);
      expect(result.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'NOT_EVENT_ORGANIZER' } });
    }
    const unknown = await graphql(UPDATE, { id: crypto.randomUUID(), v: 1, input: { title: 'x' } }, owner.auth);
    expect(unknown.errors![0].errorType).toBe('NotFound');
    expect((await stored(event.id))?.title).toBe('Board meeting');
  });
});

describe('cancelEvent', () => {
  it('cancels: status CANCELLED, SEQUENCE and version grow, the reason is kept, activeEvents goes down', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    expect((await graphql(ME, {}, organizer.auth)).data!.me.stats).toEqual({ activeEvents: 1, eventsCreated: 1 });
    const result = await graphql(CANCEL, { id: event.id, reason: ' Venue closed ' }, organizer.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.cancelEvent).toMatchObject({ status: 'CANCELLED', sequence: 1, version: 2, cancelReason: 'Venue closed' });
    expect(result.data!.cancelEvent.cancelledAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await stored(event.id)).toMatchObject({ status: 'CANCELLED', sequence: 1, version: 2 });
    expect((await graphql(ME, {}, organizer.auth)).data!.me.stats).toEqual({ activeEvents: 0, eventsCreated: 1 });
  });

  it('refuses a second cancellation and any later update with Conflict', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    await graphql(CANCEL, { id: event.id }, organizer.auth);
    const again = await graphql(CANCEL, { id: event.id }, organizer.auth);
    expect(again.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'EVENT_CANCELLED' } });
    const update = await graphql(UPDATE, { id: event.id, v: 2, input: { title: 'Back on' } }, organizer.auth);
    expect(update.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'EVENT_CANCELLED' } });
    const { client, name } = table();
    const organizerItem = unmarshall((await client.send(new GetItemCommand({ TableName: name, Key: marshallKey(organizerKey(organizer.sub)) }))).Item!);
    expect(organizerItem.activeEvents).toBe(0);
  });

  it('frees room under maxActiveEvents', async () => {
    const organizer = await newOrganizer();
    const { setOrganizerFields } = await import('../helpers/table');
    await graphql(ME, {}, organizer.auth);
    await setOrganizerFields(organizerKey(organizer.sub), { 'limits.maxActiveEvents': 1 });
    const first = await createEvent(organizer);
    const refused = await graphql(CREATE, { input: { title: 'Second', startsAt: daysFromNow(3), endsAt: daysFromNow(3, 1), timeZone: 'UTC' } }, organizer.auth);
    expect(refused.errors![0].errorType).toBe('LimitExceeded');
    await graphql(CANCEL, { id: first.id }, organizer.auth);
    await createEvent(organizer, { title: 'Second' });
  });

  it('refuses a reason longer than 500 characters', async () => {
    const organizer = await newOrganizer();
    const event = await createEvent(organizer);
    const result = await graphql(CANCEL, { id: event.id, reason: 'x'.repeat(501) }, organizer.auth);
    expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'reason' }] } });
  });
});

describe('events(status)', () => {
  it('keeps only the events with that status', async () => {
    const organizer = await newOrganizer();
    const kept = await createEvent(organizer, { title: 'Kept' });
    const dropped = await createEvent(organizer, { title: 'Dropped', startsAt: daysFromNow(11), endsAt: daysFromNow(11, 1) });
    await graphql(CANCEL, { id: dropped.id }, organizer.auth);
    const list = async (status: string) =>
      (await graphql(`query($s: EventStatus) { events(status: $s) { items { id status } } }`, { s: status }, organizer.auth)).data!.events.items;
    expect(await list('ACTIVE')).toEqual([{ id: kept.id, status: 'ACTIVE' }]);
    expect(await list('CANCELLED')).toEqual([{ id: dropped.id, status: 'CANCELLED' }]);
  });
});
