// What registering an organizer writes, from the PostConfirmation event, the environment and
// the time: pure, so that it is tested without AWS. The organizer record is the one the
// createEvent pipeline writes on first use (resolvers/organizers/fn/registerOrganizer.ts),
// written the same way: each attribute only where it is missing, so whichever of the two
// runs first wins and the other changes nothing. The organizer-by-email lookup item goes in
// the same transaction; it always points at the organizer confirmed last with that address
// (a user deleted and signed up again gets a new sub, and the address is theirs now).
import type { TransactWriteItem, TransactWriteItemsCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { normalizeEmail, organizerEmailKey, organizerKey, TABLE_KEY, type TableKey } from '../../resolvers/lib/keys';
import { defaultLimitsFrom, newOrganizerRecord, setIfMissing } from '../../resolvers/lib/organizers';
import type { OrganizerLimitsRecord } from '../../resolvers/lib/records';
import { requireEnv, type Env } from '../lib/env';

/** The trigger source that registers; the others (ConfirmForgotPassword) change nothing. */
export const REGISTERING_TRIGGER = 'PostConfirmation_ConfirmSignUp';

/** The variables registration reads (REGION is read by the DynamoDB client). */
export const REGISTRATION_ENV = [
  'DYNAMODB_TABLE',
  'DEFAULT_MAX_ACTIVE_EVENTS',
  'DEFAULT_MAX_INVITATIONS_PER_EVENT',
  'DEFAULT_MAX_INVITATIONS_PER_DAY',
] as const;

export type Registration =
  | { register: false; triggerSource: string }
  | {
      register: true;
      organizerId: string;
      /** For the log line: the domain only, never the address. */
      emailDomain: string;
      transaction: TransactWriteItemsCommandInput;
    };

/** What to write for this event, or `register: false` when the trigger source registers nothing. */
export function registration(event: PostConfirmationTriggerEvent, env: Env, now: string): Registration {
  if (event.triggerSource !== REGISTERING_TRIGGER) return { register: false, triggerSource: event.triggerSource };

  const attributes: Partial<Record<string, string>> = event.request.userAttributes;
  const organizerId = attributes.sub?.trim();
  const email = attributes.email?.trim();
  if (!organizerId) throw new Error(`${event.triggerSource} for user ${event.userName}: the event has no sub attribute, so there is no organizer id to register.`);
  if (!email) throw new Error(`${event.triggerSource} for user ${event.userName}: the event has no email attribute; an organizer needs one.`);

  const vars = requireEnv(REGISTRATION_ENV, env);
  const limits = validLimits(defaultLimitsFrom(vars));
  const organizer = newOrganizerRecord(organizerId, email, limits, now);
  const lookupKey = organizerEmailKey(email);

  return {
    register: true,
    organizerId,
    emailDomain: normalizeEmail(email).split('@').pop() ?? '',
    transaction: {
      TransactItems: [updateIfMissing(vars.DYNAMODB_TABLE, organizerKey(organizerId), organizer), pointLookup(vars.DYNAMODB_TABLE, lookupKey, organizerId, now)],
    },
  };
}

/** An Update that sets each non-key attribute of `item` only where the stored item lacks it. */
function updateIfMissing(table: string, key: TableKey, item: Record<string, unknown>): TransactWriteItem {
  const update = setIfMissing(item, [TABLE_KEY.partitionKey, TABLE_KEY.sortKey]);
  return {
    Update: {
      TableName: table,
      Key: marshall({ [TABLE_KEY.partitionKey]: key.pk, [TABLE_KEY.sortKey]: key.sk }),
      UpdateExpression: update.expression,
      ExpressionAttributeNames: update.expressionNames,
      ExpressionAttributeValues: marshall(update.expressionValues),
    },
  };
}

/** The email lookup: organizerId and updatedAt always set, createdAt only the first time. */
function pointLookup(table: string, key: TableKey, organizerId: string, now: string): TransactWriteItem {
  return {
    Update: {
      TableName: table,
      Key: marshall({ [TABLE_KEY.partitionKey]: key.pk, [TABLE_KEY.sortKey]: key.sk }),
      UpdateExpression: 'SET #organizerId = :organizerId, #updatedAt = :now, #createdAt = if_not_exists(#createdAt, :now)',
      ExpressionAttributeNames: { '#organizerId': 'organizerId', '#updatedAt': 'updatedAt', '#createdAt': 'createdAt' },
      ExpressionAttributeValues: marshall({ ':organizerId': organizerId, ':now': now }),
    },
  };
}

const LIMIT_VARIABLES: Record<keyof OrganizerLimitsRecord, string> = {
  maxActiveEvents: 'DEFAULT_MAX_ACTIVE_EVENTS',
  maxInvitationsPerEvent: 'DEFAULT_MAX_INVITATIONS_PER_EVENT',
  maxInvitationsPerDay: 'DEFAULT_MAX_INVITATIONS_PER_DAY',
};

/** The default limits, or an Error naming each variable that is not a positive integer. */
function validLimits(limits: OrganizerLimitsRecord): OrganizerLimitsRecord {
  const bad = (Object.keys(LIMIT_VARIABLES) as (keyof OrganizerLimitsRecord)[]).filter((name) => !(Number.isInteger(limits[name]) && limits[name] > 0));
  if (bad.length > 0) throw new Error(`Not a positive integer: ${bad.map((name) => LIMIT_VARIABLES[name]).join(', ')}.`);
  return limits;
}
