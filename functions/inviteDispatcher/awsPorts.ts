// The dispatcher's ports on AWS: the table (one consistent BatchGetItem per message for the
// event, the attendee and the address's suppression), the token key, SES v2, and the
// send-once claims (lib/sendOnce).
import { BatchGetItemCommand, type BatchGetItemCommandOutput, type KeysAndAttributes, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { attendeeKey, eventKey, organizerKey, suppressionKey } from '../../resolvers/lib/keys';
import type { AttendeeRecord, EventRecord, OrganizerRecord, SuppressionRecord } from '../../resolvers/lib/records';
import { dynamoDb, isConditionFailure } from '../lib/aws/dynamodb';
import { classifySendError, isThrottling } from '../lib/aws/sesErrors';
import { sesV2 } from '../lib/aws/sesv2';
import { dynamoClaims } from '../lib/sendOnce/dynamoClaims';
import { tokenKey } from '../lib/tokens/tokenKey';
import type { DeliveryUpdate, DispatchPorts } from './dispatchMail';
import { sendWithBackoff } from '../lib/aws/sendWithBackoff';

/** An organizer's address changes rarely: a container keeps what it read for a minute. */
const ORGANIZER_CACHE_MS = 60_000;

export function awsPorts(table: string): DispatchPorts {
  const organizers = new Map<string, { value: Pick<OrganizerRecord, 'id' | 'email'> | null; until: number }>();
  return {
    ...dynamoClaims(),
    async facts(message) {
      const keys = [eventKey(message.eventId), attendeeKey(message.eventId, message.email), suppressionKey(message.email)];
      const items = await batchGet(table, keys);
      const find = (key: { pk: string; sk: string }) => items.find((item) => item.pk === key.pk && item.sk === key.sk) ?? null;
      return {
        event: find(keys[0]!) as EventRecord | null,
        attendee: find(keys[1]!) as AttendeeRecord | null,
        suppression: find(keys[2]!) as SuppressionRecord | null,
      };
    },
    async organizer(organizerId) {
      const cached = organizers.get(organizerId);
      if (cached && cached.until > Date.now()) return cached.value;
      const out = await dynamoDb().send(
        new GetItemCommand({ TableName: table, Key: marshall(organizerKey(organizerId)), ProjectionExpression: '#id, #email', ExpressionAttributeNames: { '#id': 'id', '#email': 'email' } }),
      );
      const value = out.Item ? (unmarshall(out.Item) as Pick<OrganizerRecord, 'id' | 'email'>) : null;
      organizers.set(organizerId, { value, until: Date.now() + ORGANIZER_CACHE_MS });
      return value;
    },
    tokenKey: () => tokenKey(),
    async send(input) {
      try {
        return await sendWithBackoff(async () => (await sesV2().send(new SendEmailCommand(input))).MessageId, isThrottling);
      } catch (error) {
        throw classifySendError(error);
      }
    },
    async recordDelivery(eventId, email, update) {
      try {
        await dynamoDb().send(new UpdateItemCommand({ TableName: table, Key: marshall(attendeeKey(eventId, email)), ...deliveryUpdateExpression(update) }));
      } catch (error) {
        // The attendee was removed meanwhile, or a later mail is recorded already.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}

/** The UpdateItem expression that records a mail's outcome on the attendee's `delivery` map. */
export function deliveryUpdateExpression(update: DeliveryUpdate) {
  const names: Record<string, string> = { '#d': 'delivery', '#attempts': 'attempts', '#lastError': 'lastError' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets: string[] = [];
  let condition = 'attribute_exists(pk)';
  if (update.state === 'SENT') {
    Object.assign(names, { '#state': 'state', '#sequence': 'sequence', '#messageId': 'messageId', '#sentAt': 'sentAt' });
    Object.assign(values, {
      ':state': 'SENT',
      ':sequence': update.sequence,
      ':messageId': update.messageId ?? null,
      ':sentAt': update.sentAt,
      ':none': null,
      ':null': 'NULL',
      ':bounced': 'BOUNCED',
      ':complained': 'COMPLAINED',
    });
    sets.push('#d.#state = :state', '#d.#sequence = :sequence', '#d.#messageId = :messageId', '#d.#sentAt = :sentAt', '#d.#lastError = :none');
    // Never back to an older SEQUENCE (mails of two SEQUENCEs recorded out of order).
    // Nor over a bounce or complaint SES reported first (it may publish as soon as it accepts).
    condition += ' AND (attribute_not_exists(#d.#sequence) OR attribute_type(#d.#sequence, :null) OR #d.#sequence <= :sequence) AND NOT (#d.#state IN (:bounced, :complained))';
  } else {
    values[':lastError'] = update.lastError;
    sets.push('#d.#lastError = :lastError');
    if (update.state) {
      names['#state'] = 'state';
      values[':state'] = update.state;
      sets.push('#d.#state = :state');
    }
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')} ADD #d.#attempts :one`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values),
  };
}

async function batchGet(table: string, keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let request: Record<string, KeysAndAttributes> | undefined = {
    [table]: { Keys: keys.map((key) => marshall(key)), ConsistentRead: true },
  };
  // BatchGetItem may answer part of the keys (UnprocessedKeys): ask again for the rest.
  for (let round = 0; request && Object.keys(request).length > 0; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(round, 6)));
    const out: BatchGetItemCommandOutput = await dynamoDb().send(new BatchGetItemCommand({ RequestItems: request }));
    items.push(...(out.Responses?.[table] ?? []).map((item) => unmarshall(item)));
    request = out.UnprocessedKeys;
  }
  return items;
}
