import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { organizerKey } from '../../resolvers/lib/keys';
import { marshallKey } from '../helpers/table';
import { graphql, iamGraphql, newOrganizer, table } from '../helpers/api';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) {
    createEvent(input: $input) {
      id organizerId title description location startsAt endsAt timeZone status sequence version createdAt updatedAt
    }
  }
`;

const ME = /* GraphQL */ `
  { me { id email status limits { maxActiveEvents maxInvitationsPerEvent maxInvitationsPerDay } stats { activeEvents eventsCreated invitationsSent } } }
`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Team offsite',
    description: 'Two days in the mountains',
    location: 'Chamonix',
    startsAt: '2031-06-01T09:00:00+02:00',
    endsAt: '2031-06-02T17:00:00+02:00',
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

describe('createEvent', () => {
  it('creates an event owned by the caller, with instants normalized to UTC', async () => {
    const organizer = await newOrganizer();
    const before = Date.now();
    const result = await graphql(CREATE, { input: input() }, organizer.auth);
    expect(result.errors).toBeUndefined();
    const event = result.data!.createEvent;
    expect(event).toMatchObject({
      organizerId: organizer.sub,
      title: 'Team offsite',
      description: 'Two days in the mountains',
      location: 'Chamonix',
      startsAt: '2031-06-01T07:00:00.000Z',
      endsAt: '2031-06-02T15:00:00.000Z',
      timeZone: 'Europe/Paris',
      status: 'ACTIVE',
      sequence: 0,
      version: 1,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(event.updatedAt).toBe(event.createdAt);
  });

  it('registers a new organizer on first use with the default limits and counts the event', async () => {
    const organizer = await newOrganizer();
    await graphql(CREATE, { input: input() }, organizer.auth);
    await graphql(CREATE, { input: input({ title: 'Second' }) }, organizer.auth);
    const me = await graphql(ME, {}, organizer.auth);
    expect(me.data!.me).toEqual({
      id: organizer.sub,
      email: organizer.email,
      status: 'ACTIVE',
      limits: { maxActiveEvents: 50, maxInvitationsPerEvent: 10000, maxInvitationsPerDay: 5000 },
      stats: { activeEvents: 2, eventsCreated: 2, invitationsSent: 0 },
    });
  });

  it('trims the title and drops blank optional text', async () => {
    const organizer = await newOrganizer();
    const result = await graphql(CREATE, { input: input({ title: '  Standup  ', description: '   ', location: null }) }, organizer.auth);
    expect(result.data!.createEvent).toMatchObject({ title: 'Standup', description: null, location: null });
  });

  it('names every invalid field in one ValidationError and writes nothing', async () => {
    const organizer = await newOrganizer();
    const result = await graphql(
      CREATE,
      {
        input: input({
          title: '   ',
          timeZone: 'Mars/Olympus_Mons',
          startsAt: '2020-01-01T10:00:00Z',
          endsAt: '2019-12-31T10:00:00Z',
          location: 'x'.repeat(501),
        }),
      },
      organizer.auth,
    );
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.errorType).toBe('ValidationError');
    expect(error.path).toEqual(['createEvent']);
    const fields = (error.errorInfo!.violations as { field: string }[]).map((v) => v.field).sort();
    expect(fields).toEqual(['input.endsAt', 'input.location', 'input.startsAt', 'input.timeZone', 'input.title']);
    expect(error.message).toContain('Mars/Olympus_Mons');

    const me = await graphql(ME, {}, organizer.auth);
    expect(me.data!.me.stats).toEqual({ activeEvents: 0, eventsCreated: 0, invitationsSent: 0 });
  });

  it('refuses a title over 200 characters and an end before the start', async () => {
    const organizer = await newOrganizer();
    const long = await graphql(CREATE, { input: input({ title: 't'.repeat(201) }) }, organizer.auth);
    expect(long.errors![0].errorType).toBe('ValidationError');
    expect(long.errors![0].errorInfo!.violations).toEqual([
      { field: 'input.title', message: 'title must be at most 200 characters (got 201)' },
    ]);
    const atLimit = await graphql(CREATE, { input: input({ title: 't'.repeat(200) }) }, organizer.auth);
    expect(atLimit.errors).toBeUndefined();
    const backwards = await graphql(CREATE, { input: input({ endsAt: '2031-06-01T06:59:59Z' }) }, organizer.auth);
    expect(backwards.errors![0].errorInfo!.violations).toEqual([{ field: 'input.endsAt', message: 'endsAt must be after startsAt' }]);
  });

  it('accepts IANA links such as Asia/Calcutta and rejects near misses', async () => {
    const organizer = await newOrganizer();
    expect((await graphql(CREATE, { input: input({ timeZone: 'Asia/Calcutta' }) }, organizer.auth)).errors).toBeUndefined();
    expect((await graphql(CREATE, { input: input({ timeZone: 'UTC' }) }, organizer.auth)).errors).toBeUndefined();
    const wrongCase = await graphql(CREATE, { input: input({ timeZone: 'europe/paris' }) }, organizer.auth);
    expect(wrongCase.errors![0].errorType).toBe('ValidationError');
  });

  it('rejects a startsAt that is not an AWSDateTime before any resolver runs', async () => {
    const organizer = await newOrganizer();
    const result = await graphql(CREATE, { input: input({ startsAt: '2031-06-01 09:00' }) }, organizer.auth);
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0].message).toContain('AWSDateTime');
    const noOffset = await graphql(CREATE, { input: input({ startsAt: '2031-06-01T09:00:00' }) }, organizer.auth);
    expect(noOffset.errors![0].message).toContain('AWSDateTime');
  });

  it('stores the event and the organizer counters in the table', async () => {
    const organizer = await newOrganizer();
    const created = await graphql(CREATE, { input: input() }, organizer.auth);
    const { client, name } = table();
    const stored = await client.send(new GetItemCommand({ TableName: name, Key: marshallKey(organizerKey(organizer.sub)), ConsistentRead: true }));
    const record = unmarshall(stored.Item!);
    expect(record).toMatchObject({ activeEvents: 1, stats: { eventsCreated: 1, invitationsSent: 0 }, email: organizer.email });
    expect(created.data!.createEvent.organizerId).toBe(organizer.sub);
  });

  it('lets a backend (IAM) name the event, so that its retry creates nothing twice', async () => {
    const organizer = await newOrganizer();
    await graphql(ME, {}, organizer.auth); // registers the organizer
    const NAMED = 'mutation($input: CreateEventInput!, $o: ID, $id: ID) { createEvent(input: $input, organizerId: $o, id: $id) { id organizerId } }';
    const id = crypto.randomUUID();
    const first = await iamGraphql(NAMED, { input: input(), o: organizer.sub, id });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createEvent).toEqual({ id, organizerId: organizer.sub });
    const again = await iamGraphql(NAMED, { input: input({ title: 'Another title' }), o: organizer.sub, id });
    expect(again.errors![0]).toMatchObject({ errorType: 'Conflict', errorInfo: { reason: 'EVENT_EXISTS', eventId: id } });
    const me = await graphql(ME, {}, organizer.auth);
    expect(me.data!.me.stats).toMatchObject({ activeEvents: 1, eventsCreated: 1 });
    expect((await graphql('query($id: ID!) { event(id: $id) { title } }', { id }, organizer.auth)).data!.event.title).toBe('Team offsite');

    const bad = await iamGraphql(NAMED, { input: input(), o: organizer.sub, id: 'event-1' });
    expect(bad.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'id' }] } });
    // Only IAM callers name events: an organizer's id is not taken.
    const asked = crypto.randomUUID();
    const mine = await graphql(NAMED, { input: input(), id: asked }, organizer.auth);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.createEvent.id).not.toBe(asked);
  });
});
