// Each feedback effect as one conditional UpdateItem. The conditions make every write
// idempotent (SQS delivers at least once, SES may report a recipient twice) and keep the
// stronger fact: a complaint may replace a bounce, never the reverse; a note of a passing
// error never overwrites the diagnostic of a hard bounce or a complaint, and is only made
// about the attendee's latest mail (delivery.messageId, or none recorded yet). A write whose
// condition fails has nothing to do (already done, or the attendee is gone: an update must
// not create an attendee item).
import type { UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { attendeeKey, suppressionKey } from '../../resolvers/lib/keys';
import type { DeliveryState } from '../../resolvers/lib/records';
import type { FeedbackEffect, SuppressionReason } from './feedbackEffects';

/** Delivery states a feedback write never leaves: the address is known bad for good. */
const FINAL_STATES: readonly DeliveryState[] = ['BOUNCED', 'COMPLAINED'];

export function feedbackWrite(table: string, effect: FeedbackEffect, now: string): UpdateItemCommandInput {
  return effect.kind === 'suppress' ? suppressionWrite(table, effect.email, effect.reason, now) : attendeeWrite(table, effect, now);
}

/** The address's suppression item gets `reason` (created if missing; unsubscribes are kept). */
export function suppressionWrite(table: string, email: string, reason: SuppressionReason, now: string): UpdateItemCommandInput {
  const replaceable = reason === 'COMPLAINED' ? ' OR #reason = :bounced' : '';
  return {
    TableName: table,
    Key: marshall(suppressionKey(email)),
    UpdateExpression: 'SET #email = if_not_exists(#email, :email), #reason = :reason, #updatedAt = :now',
    ConditionExpression: `attribute_not_exists(#reason) OR attribute_type(#reason, :null)${replaceable}`,
    ExpressionAttributeNames: { '#email': 'email', '#reason': 'reason', '#updatedAt': 'updatedAt' },
    ExpressionAttributeValues: marshall({ ':email': email, ':reason': reason, ':now': now, ':null': 'NULL', ...(replaceable ? { ':bounced': 'BOUNCED' } : {}) }),
  };
}

/** The attendee's delivery: a new state with its reason, or only the latest error. */
export function attendeeWrite(table: string, effect: Extract<FeedbackEffect, { kind: 'attendee' }>, now: string): UpdateItemCommandInput {
  const names = { '#delivery': 'delivery', '#state': 'state', '#lastError': 'lastError', '#updatedAt': 'updatedAt' };
  const key = marshall(attendeeKey(effect.eventId, effect.email));
  if (effect.state) {
    // BOUNCED yields to COMPLAINED; each is a no-op when already there.
    const kept = effect.state === 'COMPLAINED' ? ['COMPLAINED'] : FINAL_STATES;
    const keptValues = Object.fromEntries(kept.map((state, i) => [`:kept${i}`, state]));
    return {
      TableName: table,
      Key: key,
      UpdateExpression: 'SET #delivery.#state = :state, #delivery.#lastError = :lastError, #updatedAt = :now',
      ConditionExpression: `attribute_exists(#delivery) AND NOT (#delivery.#state IN (${Object.keys(keptValues).join(', ')}))`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: marshall({ ':state': effect.state, ':lastError': effect.lastError, ':now': now, ...keptValues }),
    };
  }
  return {
    TableName: table,
    Key: key,
    UpdateExpression: 'SET #delivery.#lastError = :lastError, #updatedAt = :now',
    ConditionExpression: [
      'attribute_exists(#delivery)',
      'NOT (#delivery.#state IN (:kept0, :kept1))',
      '(attribute_not_exists(#delivery.#messageId) OR attribute_type(#delivery.#messageId, :null) OR #delivery.#messageId = :messageId)',
      '(attribute_not_exists(#delivery.#lastError) OR #delivery.#lastError <> :lastError)',
    ].join(' AND '),
    ExpressionAttributeNames: { ...names, '#messageId': 'messageId' },
    ExpressionAttributeValues: marshall({
      ':lastError': effect.lastError,
      ':now': now,
      ':kept0': FINAL_STATES[0],
      ':kept1': FINAL_STATES[1],
      ':messageId': effect.sesMessageId,
      ':null': 'NULL',
    }),
  };
}
