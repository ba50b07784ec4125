import { describe, expect, it } from 'vitest';
import { graphql, newOrganizer } from '../helpers/api';

const ORGANIZER_FIELDS = 'id email status suspendedReason limits { maxActiveEvents maxInvitationsPerEvent maxInvitationsPerDay } stats { activeEvents eventsCreated } updatedAt';
const ME = `{ me { ${ORGANIZER_FIELDS} } }`;
const ORGANIZER = /* GraphQL */ `
  query Organizer($id: ID!) { organizer(id: $id) { ${ORGANIZER_FIELDS} } }
`;
const SUSPEND = /* GraphQL */ `
  mutation Suspend($id: ID!, $reason: String) { suspendOrganizer(id: $id, reason: $reason) { ${ORGANIZER_FIELDS} } }
`;
const REINSTATE = /* GraphQL */ `
  mutation Reinstate($id: ID!) { reinstateOrganizer(id: $id) { ${ORGANIZER_FIELDS} } }
`;
const SET_LIMITS = /* GraphQL */ `
  mutation SetLimits($id: ID!, $limits: OrganizerLimitsInput!) { setOrganizerLimits(id: $id, limits: $limits) { ${ORGANIZER_FIELDS} } }
`;
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id } }
`;

const input = (title: string) => ({ title, startsAt: '2034-03-03T10:00:00Z', endsAt: '2034-03-03T11:00:00Z', timeZone: 'Europe/Paris' });

/** A registered organizer (its first call registers it) and the admin acting on it. */
async function organizerAndAdmin() {
  const organizer = await newOrganizer();
  const me = await graphql(ME, {}, organizer.auth);
  expect(me.errors).toBeUndefined();
  const admin = await newOrganizer({ groups: ['admins'] });
  return { organizer, admin, registered: me.data!.me };
}

async function me(auth: Record<string, string>) {
  const result = await graphql(ME, {}, auth);
  expect(result.errors).toBeUndefined();
  return result.data!.me;
}

describe('suspending and reinstating an organizer', () => {
  it('suspends with the trimmed reason: the organizer still reads, but may not create', async () => {
    const { organizer, admin, registered } = await organizerAndAdmin();
    const suspended = await graphql(SUSPEND, { id: organizer.sub, reason: '  Spam reports from three attendees  ' }, admin.auth);
    expect(suspended.errors).toBeUndefined();
    expect(suspended.data!.suspendOrganizer).toMatchObject({
      id: organizer.sub,
      email: organizer.email,
      status: 'SUSPENDED',
      suspendedReason: 'Spam reports from three attendees',
      limits: registered.limits,
    });
    expect(suspended.data!.suspendOrganizer.updatedAt >= registered.updatedAt).toBe(true);

    expect(await me(organizer.auth)).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'Spam reports from three attendees' });
    const refused = await graphql(CREATE, { input: input('while suspended') }, organizer.auth);
    expect(refused.data).toBeNull();
    expect(refused.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, path: ['createEvent'] });
    expect((await me(organizer.auth)).stats).toEqual({ activeEvents: 0, eventsCreated: 0 });
  });

  it('suspending a suspended organizer changes the reason; no reason removes it', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    await graphql(SUSPEND, { id: organizer.sub, reason: 'first' }, admin.auth);
    const again = await graphql(SUSPEND, { id: organizer.sub, reason: 'second' }, admin.auth);
    expect(again.errors).toBeUndefined();
    expect(again.data!.suspendOrganizer).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'second' });
    const without = await graphql(SUSPEND, { id: organizer.sub }, admin.auth);
    expect(without.data!.suspendOrganizer).toMatchObject({ status: 'SUSPENDED', suspendedReason: null });
    expect(await me(organizer.auth)).toMatchObject({ status: 'SUSPENDED', suspendedReason: null });
  });

  it('reinstates: ACTIVE again, the reason gone, and createEvent works', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    await graphql(SUSPEND, { id: organizer.sub, reason: 'investigating' }, admin.auth);
    expect((await graphql(CREATE, { input: input('refused') }, organizer.auth)).errors![0].errorType).toBe('Unauthorized');

    const reinstated = await graphql(REINSTATE, { id: organizer.sub }, admin.auth);
    expect(reinstated.errors).toBeUndefined();
    expect(reinstated.data!.reinstateOrganizer).toMatchObject({ id: organizer.sub, status: 'ACTIVE', suspendedReason: null });
    expect(await me(organizer.auth)).toMatchObject({ status: 'ACTIVE', suspendedReason: null });

    const created = await graphql(CREATE, { input: input('after reinstatement') }, organizer.auth);
    expect(created.errors).toBeUndefined();
    expect((await me(organizer.auth)).stats).toEqual({ activeEvents: 1, eventsCreated: 1 });

    // Reinstating an active organizer is harmless.
    const twice = await graphql(REINSTATE, { id: organizer.sub }, admin.auth);
    expect(twice.data!.reinstateOrganizer).toMatchObject({ status: 'ACTIVE', stats: { activeEvents: 1, eventsCreated: 1 } });
  });
});

describe('setting an organizer’s limits', () => {
  it('sets only the limits given; maxActiveEvents 1 refuses the second event', async () => {
    const { organizer, admin, registered } = await organizerAndAdmin();
    const set = await graphql(SET_LIMITS, { id: organizer.sub, limits: { maxActiveEvents: 1, maxInvitationsPerDay: 7 } }, admin.auth);
    expect(set.errors).toBeUndefined();
    const limits = { maxActiveEvents: 1, maxInvitationsPerEvent: registered.limits.maxInvitationsPerEvent, maxInvitationsPerDay: 7 };
    expect(set.data!.setOrganizerLimits).toMatchObject({ id: organizer.sub, status: 'ACTIVE', limits });
    expect((await me(organizer.auth)).limits).toEqual(limits);

    expect((await graphql(CREATE, { input: input('first') }, organizer.auth)).errors).toBeUndefined();
    const second = await graphql(CREATE, { input: input('second') }, organizer.auth);
    expect(second.data).toBeNull();
    expect(second.errors![0]).toMatchObject({ errorType: 'LimitExceeded', errorInfo: { limit: 'maxActiveEvents', value: 1 } });

    // Raising it again lets the organizer create.
    await graphql(SET_LIMITS, { id: organizer.sub, limits: { maxActiveEvents: 2 } }, admin.auth);
    expect((await graphql(CREATE, { input: input('second, later') }, organizer.auth)).errors).toBeUndefined();
    expect((await me(organizer.auth)).limits).toEqual({ ...limits, maxActiveEvents: 2 });
  });

  it('may lower maxActiveEvents below the active events: they stay, new ones are refused', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    for (const title of ['one', 'two', 'three']) {
      expect((await graphql(CREATE, { input: input(title) }, organizer.auth)).errors).toBeUndefined();
    }
    const set = await graphql(SET_LIMITS, { id: organizer.sub, limits: { maxActiveEvents: 1 } }, admin.auth);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setOrganizerLimits).toMatchObject({ limits: { maxActiveEvents: 1 }, stats: { activeEvents: 3, eventsCreated: 3 } });
    const list = await graphql('{ events { items { title } } }', {}, organizer.auth);
    expect(list.data!.events.items).toHaveLength(3);
    const refused = await graphql(CREATE, { input: input('four') }, organizer.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'LimitExceeded', errorInfo: { limit: 'maxActiveEvents', value: 1 } });
  });

  it('accepts the bounds 1 and 1,000,000', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    const set = await graphql(
      SET_LIMITS,
      { id: organizer.sub, limits: { maxActiveEvents: 1_000_000, maxInvitationsPerEvent: 1, maxInvitationsPerDay: 1_000_000 } },
      admin.auth,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setOrganizerLimits.limits).toEqual({ maxActiveEvents: 1_000_000, maxInvitationsPerEvent: 1, maxInvitationsPerDay: 1_000_000 });
  });
});

describe('organizer(id)', () => {
  it('shows any organizer to an admin, with its status, limits and stats', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    await graphql(CREATE, { input: input('counted') }, organizer.auth);
    await graphql(SUSPEND, { id: organizer.sub, reason: 'audit' }, admin.auth);
    const result = await graphql(ORGANIZER, { id: organizer.sub }, admin.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.organizer).toEqual(await me(organizer.auth));
    // Access tokens carry the groups too.
    const viaAccessToken = await graphql(ORGANIZER, { id: organizer.sub }, { authorization: admin.tokens.accessToken });
    expect(viaAccessToken.data).toEqual(result.data);
    expect(result.data!.organizer).toMatchObject({
      id: organizer.sub,
      email: organizer.email,
      status: 'SUSPENDED',
      suspendedReason: 'audit',
      stats: { activeEvents: 1, eventsCreated: 1 },
    });
  });
});

describe('unknown organizers', () => {
  it('are NotFound for every admin operation, and none of them creates one', async () => {
    const admin = await newOrganizer({ groups: ['admins'] });
    const id = crypto.randomUUID();
    const read = await graphql(ORGANIZER, { id }, admin.auth);
    expect(read.data).toEqual({ organizer: null });
    expect(read.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', path: ['organizer'], message: `No organizer with id ${id}.` })]);

    const calls: [string, string, Record<string, unknown>][] = [
      ['suspendOrganizer', SUSPEND, { id, reason: 'nobody' }],
      ['reinstateOrganizer', REINSTATE, { id }],
      ['setOrganizerLimits', SET_LIMITS, { id, limits: { maxActiveEvents: 3 } }],
    ];
    for (const [field, query, variables] of calls) {
      const result = await graphql(query, variables, admin.auth);
      expect(result.data, field).toBeNull();
      expect(result.errors, field).toEqual([expect.objectContaining({ errorType: 'NotFound', path: [field], message: `No organizer with id ${id}.` })]);
    }
    expect((await graphql(ORGANIZER, { id }, admin.auth)).errors![0].errorType).toBe('NotFound');
  });
});

describe('validation', () => {
  it('refuses a reason over 500 characters, and changes nothing', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    const result = await graphql(SUSPEND, { id: organizer.sub, reason: 'x'.repeat(501) }, admin.auth);
    expect(result.data).toBeNull();
    expect(result.errors![0]).toMatchObject({
      errorType: 'ValidationError',
      path: ['suspendOrganizer'],
      errorInfo: { violations: [{ field: 'reason', message: 'reason must be at most 500 characters (got 501)' }] },
    });
    expect(await me(organizer.auth)).toMatchObject({ status: 'ACTIVE', suspendedReason: null });
    const trimmedFits = await graphql(SUSPEND, { id: organizer.sub, reason: ` ${'y'.repeat(500)} ` }, admin.auth);
    expect(trimmedFits.data!.suspendOrganizer.suspendedReason).toBe('y'.repeat(500));
  });

  it('refuses limits out of 1..1,000,000, naming each, and changes nothing', async () => {
    const { organizer, admin, registered } = await organizerAndAdmin();
    const result = await graphql(
      SET_LIMITS,
      { id: organizer.sub, limits: { maxActiveEvents: 0, maxInvitationsPerEvent: 5, maxInvitationsPerDay: 1_000_001 } },
      admin.auth,
    );
    expect(result.data).toBeNull();
    expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', path: ['setOrganizerLimits'] });
    expect(result.errors![0].errorInfo!.violations).toEqual([
      { field: 'limits.maxActiveEvents', message: expect.stringContaining('from 1 to 1000000') },
      { field: 'limits.maxInvitationsPerDay', message: expect.stringContaining('from 1 to 1000000') },
    ]);
    const negative = await graphql(SET_LIMITS, { id: organizer.sub, limits: { maxInvitationsPerEvent: -1 } }, admin.auth);
    expect(negative.errors![0].errorInfo).toEqual({ violations: [{ field: 'limits.maxInvitationsPerEvent', message: expect.any(String) }] });
    expect((await me(organizer.auth)).limits).toEqual(registered.limits);
  });

  it('refuses limits that set nothing', async () => {
    const { organizer, admin } = await organizerAndAdmin();
    for (const limits of [{}, { maxActiveEvents: null }]) {
      const result = await graphql(SET_LIMITS, { id: organizer.sub, limits }, admin.auth);
      expect(result.data).toBeNull();
      expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'limits' }] } });
    }
  });
});

describe('callers outside the admins group', () => {
  it('are refused every admin operation with AppSync’s Unauthorized, and nothing changes', async () => {
    const { organizer: target } = await organizerAndAdmin();
    // The pool has one group, admins (the local issuer refuses tokens for groups it lacks).
    const caller = await newOrganizer();
    const calls: [string, string, string, Record<string, unknown>][] = [
      ['Query', 'organizer', ORGANIZER, { id: target.sub }],
      ['Mutation', 'suspendOrganizer', SUSPEND, { id: target.sub, reason: 'hostile' }],
      ['Mutation', 'reinstateOrganizer', REINSTATE, { id: target.sub }],
      ['Mutation', 'setOrganizerLimits', SET_LIMITS, { id: target.sub, limits: { maxActiveEvents: 1 } }],
    ];
    // Neither on another organizer nor on itself.
    for (const id of [target.sub, caller.sub]) {
      for (const [type, field, query, variables] of calls) {
        const result = await graphql(query, { ...variables, id }, caller.auth);
        expect(result.status).toBe(200);
        expect(result.data, field).toEqual(type === 'Query' ? { [field]: null } : null);
        expect(result.errors, field).toEqual([
          expect.objectContaining({ errorType: 'Unauthorized', errorInfo: null, path: [field], message: `Not Authorized to access ${field} on type ${type}` }),
        ]);
      }
    }
    expect(await me(target.auth)).toMatchObject({ status: 'ACTIVE', suspendedReason: null });
  });
});
