// Who may do what, for every query and mutation: the event's owner, another organizer, the
// owner once suspended, an admin, a backend caller signed with IAM acting for the owner, an
// API key, and no credentials at all. Each case runs against fresh organizers and events.
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { daysFromNow, endpoints, graphql, iamGraphql, newOrganizer, table, type GraphqlResult } from '../helpers/api';

type Caller = 'owner' | 'other' | 'suspended' | 'admin' | 'iam' | 'apiKey' | 'none';
/** 'ok', an errorType in the GraphQL answer, or 401 for a request refused before GraphQL. */
type Outcome = 'ok' | 'Unauthorized' | 401;

type Fixture = { owner: Awaited<ReturnType<typeof newOrganizer>>; eventId: string; targetId: string };

type Operation = {
  name: string;
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
  /** Variables for the IAM caller, which names the organizer it acts for. */
  iamVariables?: (f: Fixture) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
};

const CREATE_INPUT = { title: 'Standup', startsAt: daysFromNow(5), endsAt: daysFromNow(5, 1), timeZone: 'UTC' };

const OPERATIONS: Operation[] = [
  {
    name: 'me',
    query: '{ me { id } }',
    variables: () => ({}),
    expect: { owner: 'ok', other: 'ok', suspended: 'ok', admin: 'ok', iam: 'Unauthorized', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'organizer',
    query: 'query($id: ID!) { organizer(id: $id) { id } }',
    variables: (f) => ({ id: f.owner.sub }),
    expect: { owner: 'Unauthorized', other: 'Unauthorized', suspended: 'Unauthorized', admin: 'ok', iam: 'Unauthorized', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'event',
    query: 'query($id: ID!, $org: ID) { event(id: $id, organizerId: $org) { id } }',
    variables: (f) => ({ id: f.eventId }),
    iamVariables: (f) => ({ id: f.eventId, org: f.owner.sub }),
    expect: { owner: 'ok', other: 'Unauthorized', suspended: 'ok', admin: 'ok', iam: 'ok', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'events',
    query: 'query($org: ID) { events(organizerId: $org) { items { id } } }',
    variables: () => ({}),
    iamVariables: (f) => ({ org: f.owner.sub }),
    expect: { owner: 'ok', other: 'ok', suspended: 'ok', admin: 'ok', iam: 'ok', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'createEvent',
    query: 'mutation($input: CreateEventInput!, $org: ID) { createEvent(input: $input, organizerId: $org) { id } }',
    variables: () => ({ input: CREATE_INPUT }),
    iamVariables: (f) => ({ input: CREATE_INPUT, org: f.owner.sub }),
    expect: { owner: 'ok', other: 'ok', suspended: 'Unauthorized', admin: 'ok', iam: 'ok', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'updateEvent',
    query: 'mutation($id: ID!, $org: ID) { updateEvent(id: $id, input: { title: "Renamed" }, expectedVersion: 1, organizerId: $org) { id } }',
    variables: (f) => ({ id: f.eventId }),
    iamVariables: (f) => ({ id: f.eventId, org: f.owner.sub }),
    expect: { owner: 'ok', other: 'Unauthorized', suspended: 'Unauthorized', admin: 'Unauthorized', iam: 'ok', apiKey: 'Unauthorized', none: 401 },
  },
  {
    name: 'cancelEvent',
    query: 'mutation($id: ID!, $org: ID) { cancelEvent(id: $id, organizerId: $org) { id } }',
    variables: (f) => ({ id: f.eventId }),
    iamVariables: (f) => ({ id: f.eventId, org: f.owner.sub }),
    expect: { owner: 'ok', other: 'Unauthorized', suspended: 'Unauthorized', admin: 'Unauthorized', iam: 'ok', apiKey: 'Unauthorized', none: 401 },
  },
  ...['suspendOrganizer(id: $id)', 'reinstateOrganizer(id: $id)', 'setOrganizerLimits(id: $id, limits: { maxActiveEvents: 3 })'].map(
    (call): Operation => ({
      name: call.slice(0, call.indexOf('(')),
      query: `mutation($id: ID!) { ${call} { id } }`,
      variables: (f) => ({ id: f.targetId }),
      expect: { owner: 'Unauthorized', other: 'Unauthorized', suspended: 'Unauthorized', admin: 'ok', iam: 'Unauthorized', apiKey: 'Unauthorized', none: 401 },
    }),
  ),
];

async function fixture(): Promise<Fixture> {
  const owner = await newOrganizer();
  const created = await graphql('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { input: CREATE_INPUT }, owner.auth);
  expect(created.errors).toBeUndefined();
  const target = await newOrganizer();
  await graphql('{ me { id } }', {}, target.auth);
  return { owner, eventId: created.data!.createEvent.id, targetId: target.sub };
}

async function suspend(organizerId: string) {
  const admin = await newOrganizer({ groups: ['admins'] });
  const out = await graphql('mutation($id: ID!) { suspendOrganizer(id: $id, reason: "billing") { status } }', { id: organizerId }, admin.auth);
  expect(out.data?.suspendOrganizer.status).toBe('SUSPENDED');
}

async function call(operation: Operation, caller: Caller, f: Fixture): Promise<GraphqlResult> {
  const variables = operation.variables(f);
  switch (caller) {
    case 'owner':
      return graphql(operation.query, variables, f.owner.auth);
    case 'suspended':
      await suspend(f.owner.sub);
      return graphql(operation.query, variables, f.owner.auth);
    case 'other':
      return graphql(operation.query, variables, (await newOrganizer()).auth);
    case 'admin':
      return graphql(operation.query, variables, (await newOrganizer({ groups: ['admins'] })).auth);
    case 'iam':
      return iamGraphql(operation.query, (operation.iamVariables ?? operation.variables)(f));
    case 'apiKey':
      return graphql(operation.query, variables, { 'x-api-key': endpoints().apiKey });
    case 'none':
      return graphql(operation.query, variables, {});
  }
}

const CALLERS: Caller[] = ['owner', 'other', 'suspended', 'admin', 'iam', 'apiKey', 'none'];

describe.each(OPERATIONS)('$name', (operation) => {
  it.each(CALLERS)('by %s', async (caller) => {
    const f = await fixture();
    const result = await call(operation, caller, f);
    const expected = operation.expect[caller];
    if (expected === 401) {
      expect(result.status).toBe(401);
    } else if (expected === 'ok') {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data).toBeTruthy();
    } else {
      expect(result.status).toBe(200);
      expect(result.errors?.[0]?.errorType, JSON.stringify(result.errors)).toBe(expected);
    }
  });
});

describe('refused requests are noticed', () => {
  it("records a notice for the organizer when a suspended organizer's change is refused, with the reason", async () => {
    const f = await fixture();
    await suspend(f.owner.sub);
    const refused = await graphql('mutation($id: ID!) { cancelEvent(id: $id) { id } }', { id: f.eventId }, f.owner.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' } });

    const { client, name } = table();
    const out = await client.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
        ExpressionAttributeValues: { ':pk': { S: `organizer#${f.owner.sub}` }, ':notice': { S: 'notice#' } },
        ConsistentRead: true,
      }),
    );
    const notices = (out.Items ?? []).map((item) => unmarshall(item));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'REQUEST_REFUSED',
      organizerId: f.owner.sub,
      subject: 'Your request to cancel an event was refused',
      details: { operation: 'cancelEvent', errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' }, eventId: f.eventId },
    });
    expect(notices[0].expiresAt).toBeGreaterThan(Date.now() / 1000);

    // The stream delivers it: a mail to the organizer says what was refused and why.
    const until = Date.now() + 20_000;
    let mail: { subject: string } | undefined;
    while (!mail && Date.now() < until) {
      const list = (await (await fetch(`${endpoints().mailViewerUrl}/messages`)).json()) as { messages: { to: string[]; subject: string }[] };
      mail = list.messages.find((m) => m.to.includes(f.owner.email) && m.subject === 'Your request to cancel an event was refused');
      if (!mail) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail, 'the refusal notice in the SES outbox').toBeDefined();
  });

  it('records a notice when createEvent is refused at maxActiveEvents', async () => {
    const f = await fixture();
    const admin = await newOrganizer({ groups: ['admins'] });
    await graphql('mutation($id: ID!) { setOrganizerLimits(id: $id, limits: { maxActiveEvents: 1 }) { id } }', { id: f.owner.sub }, admin.auth);
    const refused = await graphql('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { input: CREATE_INPUT }, f.owner.auth);
    expect(refused.errors![0]).toMatchObject({ errorType: 'LimitExceeded', errorInfo: { limit: 'maxActiveEvents' } });
    const { client, name } = table();
    const out = await client.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
        ExpressionAttributeValues: { ':pk': { S: `organizer#${f.owner.sub}` }, ':notice': { S: 'notice#' } },
        ConsistentRead: true,
      }),
    );
    expect((out.Items ?? []).map((i) => unmarshall(i))).toMatchObject([{ kind: 'REQUEST_REFUSED', details: { operation: 'createEvent', errorType: 'LimitExceeded' } }]);
  });
});

describe('IAM callers', () => {
  it('must name the organizer they act for', async () => {
    const result = await iamGraphql('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', { input: CREATE_INPUT });
    expect(result.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { violations: [{ field: 'organizerId' }] } });
  });

  it('create events owned by that organizer, and cannot act for one that does not exist', async () => {
    const f = await fixture();
    const created = await iamGraphql('mutation($input: CreateEventInput!, $org: ID) { createEvent(input: $input, organizerId: $org) { organizerId } }', {
      input: CREATE_INPUT,
      org: f.owner.sub,
    });
    expect(created.data!.createEvent.organizerId).toBe(f.owner.sub);
    const unknown = await iamGraphql('mutation($input: CreateEventInput!, $org: ID) { createEvent(input: $input, organizerId: $org) { id } }', {
      input: CREATE_INPUT,
      org: crypto.randomUUID(),
    });
    expect(unknown.errors![0].errorType).toBe('NotFound');
  });

  it("cannot change another organizer's event by naming the wrong organizer", async () => {
    const f = await fixture();
    const other = await newOrganizer();
    await graphql('{ me { id } }', {}, other.auth);
    const result = await iamGraphql('mutation($id: ID!, $org: ID) { cancelEvent(id: $id, organizerId: $org) { id } }', { id: f.eventId, org: other.sub });
    expect(result.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'NOT_EVENT_ORGANIZER' } });
  });

  it('is refused organizerId when signed in as a user', async () => {
    const f = await fixture();
    const result = await graphql('query($org: ID) { events(organizerId: $org) { items { id } } }', { org: f.owner.sub }, (await newOrganizer()).auth);
    expect(result.errors![0]).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_ID_IAM_ONLY' } });
  });
});
