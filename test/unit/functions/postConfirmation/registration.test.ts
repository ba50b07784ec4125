import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { registration } from '../../../../functions/postConfirmation/registration';

const NOW = '2030-01-02T03:04:05.678Z';
const SUB = '6b1c2f5e-0d3a-4c7e-9f21-3a4b5c6d7e8f';
const ENV = {
  DYNAMODB_TABLE: 'calendar-table',
  DEFAULT_MAX_ACTIVE_EVENTS: '50',
  DEFAULT_MAX_INVITATIONS_PER_EVENT: '10000',
  DEFAULT_MAX_INVITATIONS_PER_DAY: '5000',
};

function event(
  userAttributes: Record<string, string> = { sub: SUB, email: 'ada@example.com', email_verified: 'true' },
  triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp',
): PostConfirmationTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Example',
    userName: SUB,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource,
    request: { userAttributes },
    response: {},
  } as PostConfirmationTriggerEvent;
}

/** The transaction's updates, with keys and values unmarshalled. */
function updates(items: TransactWriteItem[] | undefined) {
  return (items ?? []).map((item) => {
    const update = item.Update!;
    return {
      table: update.TableName,
      key: unmarshall(update.Key!),
      expression: update.UpdateExpression!,
      names: update.ExpressionAttributeNames!,
      values: unmarshall(update.ExpressionAttributeValues!),
    };
  });
}

function register(attributes?: Record<string, string>, env: Record<string, string | undefined> = ENV) {
  const result = registration(event(attributes), env, NOW);
  if (!result.register) throw new Error('expected a registration');
  return { ...result, updates: updates(result.transaction.TransactItems) };
}

/** Each `#name = if_not_exists(#name, :name)` clause of a SET expression, by attribute. */
function ifNotExistsClauses(expression: string) {
  expect(expression.startsWith('SET ')).toBe(true);
  return expression
    .slice(4)
    .split(/, (?=#)/)
    .map((clause) => {
      const m = clause.match(/^#(\w+) = if_not_exists\(#(\w+), :(\w+)\)$/);
      expect(m, clause).not.toBeNull();
      expect(new Set([m![1], m![2], m![3]]).size, clause).toBe(1);
      return m![1];
    });
}

describe('PostConfirmation registration', () => {
  it('writes the organizer and the email lookup in one transaction of two updates on the table', () => {
    const { updates: [organizer, lookup], transaction } = register();
    expect(transaction.TransactItems).toHaveLength(2);
    expect(organizer.table).toBe('calendar-table');
    expect(lookup.table).toBe('calendar-table');
    expect(organizer.key).toEqual({ pk: `organizer#${SUB}`, sk: 'profile' });
    expect(lookup.key).toEqual({ pk: 'organizer-email#ada@example.com', sk: 'organizer' });
  });

  it('writes the record the createEvent pipeline writes on first use: ACTIVE, default limits from the environment, zero counters', () => {
    const [organizer] = register().updates;
    const written = Object.fromEntries(Object.entries(organizer.values).map(([name, value]) => [name.slice(1), value]));
    expect(written).toEqual({
      id: SUB,
      email: 'ada@example.com',
      status: 'ACTIVE',
      limits: { maxActiveEvents: 50, maxInvitationsPerEvent: 10_000, maxInvitationsPerDay: 5_000 },
      activeEvents: 0,
      stats: { eventsCreated: 0, invitationsSent: 0 },
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('sets every organizer attribute only where it is missing, never the keys, so the first writer wins', () => {
    for (const update of register().updates.slice(0, 1)) {
      const attributes = ifNotExistsClauses(update.expression);
      expect(attributes).not.toContain('pk');
      expect(attributes).not.toContain('sk');
      expect(Object.keys(update.names).sort()).toEqual(attributes.map((a) => `#${a}`).sort());
      expect(Object.values(update.names).sort()).toEqual([...attributes].sort());
      expect(Object.keys(update.values).sort()).toEqual(attributes.map((a) => `:${a}`).sort());
    }
  });

  it('points the lookup at the organizer confirmed last, keeping when the address was first registered', () => {
    const [, lookup] = register().updates;
    expect(lookup.values).toEqual({ ':organizerId': SUB, ':now': NOW });
    expect(lookup.expression).toBe('SET #organizerId = :organizerId, #updatedAt = :now, #createdAt = if_not_exists(#createdAt, :now)');
    expect(lookup.names).toEqual({ '#organizerId': 'organizerId', '#updatedAt': 'updatedAt', '#createdAt': 'createdAt' });
  });

  it('keys the lookup by the trimmed, lower-cased email and keeps the address as given on the organizer', () => {
    const { updates: [organizer, lookup], emailDomain } = register({ sub: SUB, email: '  Ada.Lovelace@Example.COM ' });
    expect(lookup.key.pk).toBe('organizer-email#ada.lovelace@example.com');
    expect(organizer.values[':email']).toBe('Ada.Lovelace@Example.COM');
    expect(emailDomain).toBe('example.com');
  });

  it('takes the limits from the environment', () => {
    const [organizer] = register(undefined, { ...ENV, DEFAULT_MAX_ACTIVE_EVENTS: '3', DEFAULT_MAX_INVITATIONS_PER_EVENT: '40', DEFAULT_MAX_INVITATIONS_PER_DAY: '7' }).updates;
    expect(organizer.values[':limits']).toEqual({ maxActiveEvents: 3, maxInvitationsPerEvent: 40, maxInvitationsPerDay: 7 });
  });

  it('changes nothing for other trigger sources, whatever the event and environment hold', () => {
    expect(registration(event({}, 'PostConfirmation_ConfirmForgotPassword'), {}, NOW)).toEqual({
      register: false,
      triggerSource: 'PostConfirmation_ConfirmForgotPassword',
    });
  });

  it('refuses a confirmation without sub or email, naming what is missing', () => {
    expect(() => register({ email: 'ada@example.com' })).toThrow(/no sub attribute/);
    expect(() => register({ sub: SUB })).toThrow(/no email attribute/);
    expect(() => register({ sub: SUB, email: '   ' })).toThrow(/no email attribute/);
    expect(() => register({ sub: '', email: 'ada@example.com' })).toThrow(/no sub attribute/);
  });

  it('fails with one error naming every missing variable or bad limit', () => {
    expect(() => register(undefined, { DEFAULT_MAX_ACTIVE_EVENTS: '1' })).toThrow(
      'Missing environment variables DYNAMODB_TABLE, DEFAULT_MAX_INVITATIONS_PER_EVENT, DEFAULT_MAX_INVITATIONS_PER_DAY',
    );
    expect(() => register(undefined, { ...ENV, DEFAULT_MAX_ACTIVE_EVENTS: 'fifty', DEFAULT_MAX_INVITATIONS_PER_DAY: '0' })).toThrow(
      'Not a positive integer: DEFAULT_MAX_ACTIVE_EVENTS, DEFAULT_MAX_INVITATIONS_PER_DAY.',
    );
  });
});
