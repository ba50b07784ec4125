import { describe, expect, it } from 'vitest';
import { organizerKey } from '../../resolvers/lib/keys';
import { graphql, newOrganizer } from '../helpers/api';
import { setOrganizerFields } from '../helpers/table';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;
const STATS = '{ me { status stats { activeEvents eventsCreated } } }';

const input = (title: string) => ({ title, startsAt: '2033-05-05T10:00:00Z', endsAt: '2033-05-05T11:00:00Z', timeZone: 'Asia/Tokyo' });

async function registered() {
  const organizer = await newOrganizer();
  await graphql(STATS, {}, organizer.auth);
  return organizer;
}

describe('organizer limits and status', () => {
  it('refuses the event past maxActiveEvents with LimitExceeded and changes nothing', async () => {
    const organizer = await registered();
    await setOrganizerFields(organizerKey(organizer.sub), { 'limits.maxActiveEvents': 2 });
    expect((await graphql(CREATE, { input: input('one') }, organizer.auth)).errors).toBeUndefined();
    expect((await graphql(CREATE, { input: input('two') }, organizer.auth)).errors).toBeUndefined();
    const third = await graphql(CREATE, { input: input('three') }, organizer.auth);
    expect(third.data).toBeNull();
    expect(third.errors![0]).toMatchObject({
      errorType: 'LimitExceeded',
      errorInfo: { limit: 'maxActiveEvents', value: 2 },
      path: ['createEvent'],
    });
    expect(third.errors![0].message).toContain('maxActiveEvents 2');
    const me = await graphql(STATS, {}, organizer.auth);
    expect(me.data!.me.stats).toEqual({ activeEvents: 2, eventsCreated: 2 });
    const list = await graphql('{ events { items { title } } }', {}, organizer.auth);
    expect(list.data!.events.items.map((e: { title: string }) => e.title).sort()).toEqual(['one', 'two']);
  });

  it('never crosses the limit under concurrent creates (the transaction condition holds)', async () => {
    const organizer = await registered();
    await setOrganizerFields(organizerKey(organizer.sub), { 'limits.maxActiveEvents': 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => graphql(CREATE, { input: input(`race ${i}`) }, organizer.auth)),
    );
    const created = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(created).toHaveLength(3);
    expect(refused.map((r) => r.errors![0].errorType)).toEqual(Array(5).fill('LimitExceeded'));
    const me = await graphql(STATS, {}, organizer.auth);
    expect(me.data!.me.stats).toEqual({ activeEvents: 3, eventsCreated: 3 });
  });

  it('lets a suspended organizer read but not create, with the reason in errorInfo', async () => {
    const organizer = await registered();
    expect((await graphql(CREATE, { input: input('before') }, organizer.auth)).errors).toBeUndefined();
    await setOrganizerFields(organizerKey(organizer.sub), { status: 'SUSPENDED' });
    const refused = await graphql(CREATE, { input: input('after') }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' } });
    const me = await graphql(STATS, {}, organizer.auth);
    expect(me.data!.me).toEqual({ status: 'SUSPENDED', stats: { activeEvents: 1, eventsCreated: 1 } });
    const list = await graphql('{ events { items { title } } }', {}, organizer.auth);
    expect(list.data!.events.items).toEqual([{ title: 'before' }]);
  });
});
