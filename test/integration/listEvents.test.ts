import { describe, expect, it } from 'vitest';
import { eventKey } from '../../resolvers/lib/keys';
import { graphql, newOrganizer, type GraphqlResult } from '../helpers/api';
import { putItem } from '../helpers/table';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id startsAt } }
`;
const LIST = /* GraphQL */ `
  query List($limit: Int, $nextToken: String) { events(limit: $limit, nextToken: $nextToken) { items { id title startsAt } nextToken } }
`;

async function allPages(auth: Record<string, string>, limit: number) {
  const pages: { title: string }[][] = [];
  let nextToken: string | null = null;
  do {
    const result: GraphqlResult<{ events: { items: { title: string }[]; nextToken: string | null } }> = await graphql(LIST, { limit, nextToken }, auth);
    expect(result.errors).toBeUndefined();
    pages.push(result.data!.events.items);
    nextToken = result.data!.events.nextToken;
    expect(pages.length).toBeLessThan(20);
  } while (nextToken);
  return pages;
}

/** A past event can only be seeded: createEvent refuses the past. */
async function seedPastEvent(organizerId: string, title: string, startsAt: string) {
  const id = crypto.randomUUID();
  await putItem({
    ...eventKey(id),
    id,
    organizerId,
    title,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    timeZone: 'UTC',
    status: 'ACTIVE',
    sequence: 0,
    version: 1,
    createdAt: startsAt,
    updatedAt: startsAt,
  });
}

describe('events(limit, nextToken)', () => {
  it('lists upcoming events soonest first, then past events most recent first, across pages', async () => {
    const organizer = await newOrganizer();
    // Created out of order on purpose.
    for (const [title, day] of [['in 30 days', 30], ['in 2 days', 2], ['in 300 days', 300], ['in 10 days', 10]] as const) {
      const startsAt = new Date(Date.now() + day * 86_400_000).toISOString();
      const endsAt = new Date(Date.now() + day * 86_400_000 + 3_600_000).toISOString();
      const created = await graphql(CREATE, { input: { title, startsAt, endsAt, timeZone: 'UTC' } }, organizer.auth);
      expect(created.errors).toBeUndefined();
    }
    await seedPastEvent(organizer.sub, '5 days ago', new Date(Date.now() - 5 * 86_400_000).toISOString());
    await seedPastEvent(organizer.sub, '400 days ago', new Date(Date.now() - 400 * 86_400_000).toISOString());

    const expected = ['in 2 days', 'in 10 days', 'in 30 days', 'in 300 days', '5 days ago', '400 days ago'];
    for (const limit of [1, 2, 3, 4, 5, 6, 20]) {
      const pages = await allPages(organizer.auth, limit);
      expect(pages.flat().map((e) => e.title)).toEqual(expected);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
    }
  });

  it('defaults to 20 items a page and refuses a limit outside 1..100', async () => {
    const organizer = await newOrganizer();
    const empty = await graphql(LIST, {}, organizer.auth);
    expect(empty.data!.events).toEqual({ items: [], nextToken: null });
    for (const limit of [0, 101, -1]) {
      const result = await graphql(LIST, { limit }, organizer.auth);
      expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'limit' }] } });
    }
  });

  it('refuses a nextToken it did not issue', async () => {
    const organizer = await newOrganizer();
    for (const nextToken of ['garbage', Buffer.from('events.v1|sideways|x|').toString('base64')]) {
      const result = await graphql(LIST, { nextToken }, organizer.auth);
      expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'nextToken' }] } });
    }
  });
});
