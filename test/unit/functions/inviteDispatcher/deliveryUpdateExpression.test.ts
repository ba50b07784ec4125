import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { deliveryUpdateExpression } from '../../../../functions/inviteDispatcher/awsPorts';
import type { DeliveryUpdate } from '../../../../functions/inviteDispatcher/dispatchMail';

/** DynamoDB refuses an expression with a name or value placeholder it does not use, or one it lacks. */
function expectPlaceholdersMatch(expression: ReturnType<typeof deliveryUpdateExpression>) {
  const text = `${expression.UpdateExpression} ${expression.ConditionExpression}`;
  const used = (sigil: string) => [...new Set(text.match(new RegExp(`${sigil}[A-Za-z]+`, 'g')))].sort();
  expect(used('#')).toEqual(Object.keys(expression.ExpressionAttributeNames).sort());
  expect(used(':')).toEqual(Object.keys(expression.ExpressionAttributeValues).sort());
}

describe('deliveryUpdateExpression', () => {
  it('records a sent mail: state, SEQUENCE, SES id, time, no error, one more attempt; never back to an older SEQUENCE nor over a bounce', () => {
    const update: DeliveryUpdate = { state: 'SENT', sequence: 3, messageId: 'ses-1', sentAt: '2030-01-06T09:00:00.000Z' };
    const expression = deliveryUpdateExpression(update);
    expect(expression.UpdateExpression).toBe('SET #d.#state = :state, #d.#sequence = :sequence, #d.#messageId = :messageId, #d.#sentAt = :sentAt, #d.#lastError = :none ADD #d.#attempts :one');
    expect(expression.ConditionExpression).toBe('attribute_exists(pk) AND (attribute_not_exists(#d.#sequence) OR attribute_type(#d.#sequence, :null) OR #d.#sequence <= :sequence) AND NOT (#d.#state IN (:bounced, :complained))');
    expect(expression.ExpressionAttributeNames).toMatchObject({ '#d': 'delivery', '#state': 'state', '#sequence': 'sequence', '#messageId': 'messageId', '#sentAt': 'sentAt', '#lastError': 'lastError', '#attempts': 'attempts' });
    expect(unmarshall(expression.ExpressionAttributeValues)).toEqual({ ':state': 'SENT', ':sequence': 3, ':messageId': 'ses-1', ':sentAt': '2030-01-06T09:00:00.000Z', ':none': null, ':null': 'NULL', ':bounced': 'BOUNCED', ':complained': 'COMPLAINED', ':one': 1 });
    expect(expression.ExpressionAttributeValues[':null']).toEqual({ S: 'NULL' });
    expectPlaceholdersMatch(expression);
  });

  it('writes a missing SES message id as null', () => {
    const expression = deliveryUpdateExpression({ state: 'SENT', sequence: 0, messageId: undefined, sentAt: '2030-01-06T09:00:00.000Z' });
    expect(expression.ExpressionAttributeValues[':messageId']).toEqual({ NULL: true });
  });

  it.each(['FAILED', 'SUPPRESSED'] as const)('records %s with its reason and counts the attempt', (state) => {
    const expression = deliveryUpdateExpression({ state, lastError: 'why' });
    expect(expression.UpdateExpression).toBe('SET #d.#lastError = :lastError, #d.#state = :state ADD #d.#attempts :one');
    expect(expression.ConditionExpression).toBe('attribute_exists(pk)');
    expect(unmarshall(expression.ExpressionAttributeValues)).toEqual({ ':lastError': 'why', ':state': state, ':one': 1 });
    expectPlaceholdersMatch(expression);
  });

  it('records a failure a retry may fix without changing the state: the error, and one more attempt', () => {
    const expression = deliveryUpdateExpression({ state: null, lastError: 'TimeoutError: socket hang up' });
    expect(expression.UpdateExpression).toBe('SET #d.#lastError = :lastError ADD #d.#attempts :one');
    expect(expression.ConditionExpression).toBe('attribute_exists(pk)');
    expect(expression.ExpressionAttributeNames).not.toHaveProperty('#state');
    expect(unmarshall(expression.ExpressionAttributeValues)).toEqual({ ':lastError': 'TimeoutError: socket hang up', ':one': 1 });
    expectPlaceholdersMatch(expression);
  });
});
