// A new Cognito user's confirmed sign-up runs the PostConfirmation trigger, which registers
// the organizer with the email from the user's attributes (access tokens do not carry it).
// The local token endpoint plays the sign-up for an unknown user, as `npm run token` does.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { organizerEmailKey, organizerKey, type TableKey } from '../../resolvers/lib/keys';
import { graphql, table, tokens } from '../helpers/api';
import { marshallKey, setOrganizerFields } from '../helpers/table';

async function item(key: TableKey) {
  const { client, name } = table();
  const out = await client.send(new GetItemCommand({ TableName: name, Key: marshallKey(key), ConsistentRead: true }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

describe('organizer registration at sign-up (Cognito PostConfirmation trigger)', () => {
  it('registers a new user as an ACTIVE organizer with its email and the default limits, before any API call', async () => {
    const email = `Signup-${crypto.randomUUID()}@Example.com`;
    const { sub } = await tokens({ email });

    const organizer = await item(organizerKey(sub));
    expect(organizer).toMatchObject({
      id: sub,
      email,
      status: 'ACTIVE',
      limits: { maxActiveEvents: 50, maxInvitationsPerEvent: 10_000, maxInvitationsPerDay: 5_000 },
      activeEvents: 0,
      stats: { eventsCreated: 0, invitationsSent: 0 },
    });
    const lookup = await item(organizerEmailKey(email));
    expect(lookup).toMatchObject({ pk: `organizer-email#${email.toLowerCase()}`, organizerId: sub });
  });

  it('registers once: signing in again does not reset the organizer', async () => {
    const email = `again-${crypto.randomUUID()}@example.com`;
    const { sub } = await tokens({ email });
    await setOrganizerFields(organizerKey(sub), { activeEvents: 3 });

    await tokens({ email });
    expect((await item(organizerKey(sub)))?.activeEvents).toBe(3);
  });

  it('serves `me` from the record the trigger wrote', async () => {
    const email = `me-${crypto.randomUUID()}@example.com`;
    const { idToken, sub } = await tokens({ email });
    const result = await graphql<{ me: { id: string; email: string; status: string } }>('{ me { id email status } }', {}, { authorization: idToken });
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ id: sub, email, status: 'ACTIVE' });
  });
});
