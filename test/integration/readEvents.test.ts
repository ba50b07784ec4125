import { describe, expect, it } from 'vitest';
import { graphql, newOrganizer } from '../helpers/api';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;
const EVENT = /* GraphQL */ `
  query Event($id: ID!) { event(id: $id) { id organizerId title } }
`;

async function createdEvent(auth: Record<string, string>, title = 'Board meeting') {
  const result = await graphql(
    CREATE,
    { input: { title, startsAt: '2032-01-10T09:00:00Z', endsAt: '2032-01-10T10:00:00Z', timeZone: 'America/New_York' } },
    auth,
  );
  return result.data!.createEvent.id as string;
}

describe('event(id)', () => {
  it('returns the event to its organizer', async () => {
    const owner = await newOrganizer();
    const id = await createdEvent(owner.auth);
    const result = await graphql(EVENT, { id }, owner.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.event).toEqual({ id, organizerId: owner.sub, title: 'Board meeting' });
  });

  it('refuses another organizer with Unauthorized and no data', async () => {
    const owner = await newOrganizer();
    const other = await newOrganizer();
    const id = await createdEvent(owner.auth);
    const result = await graphql(EVENT, { id }, other.auth);
    expect(result.data).toEqual({ event: null });
    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', path: ['event'], locations: [{ line: 2, column: 27, sourceName: null }] }),
    ]);
  });

  it('lets a member of admins read any event', async () => {
    const owner = await newOrganizer();
    const admin = await newOrganizer({ groups: ['admins'] });
    const id = await createdEvent(owner.auth);
    const result = await graphql(EVENT, { id }, admin.auth);
    expect(result.data!.event.organizerId).toBe(owner.sub);
  });

  it('answers an unknown id with NotFound', async () => {
    const owner = await newOrganizer();
    const result = await graphql(EVENT, { id: 'no-such-event' }, owner.auth);
    expect(result.data).toEqual({ event: null });
    expect(result.errors![0]).toMatchObject({ errorType: 'NotFound', message: 'No event with id no-such-event.' });
  });

  it("keeps another organizer's events out of the caller's list", async () => {
    const owner = await newOrganizer();
    const other = await newOrganizer();
    await createdEvent(owner.auth, 'Private');
    const list = await graphql('{ events { items { id } nextToken } }', {}, other.auth);
    expect(list.data!.events).toEqual({ items: [], nextToken: null });
  });
});
