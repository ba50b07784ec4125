import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { attendeeWrite, suppressionWrite } from '../../../../functions/sesFeedback/feedbackWrites';
import { attendeeKey, suppressionKey } from '../../../../resolvers/lib/keys';

const NOW = '2026-03-01T10:00:05.000Z';

describe('feedback writes', () => {
  it('suppresses an address on its suppression item, keeping the address first written and any unsubscribes', () => {
    const write = suppressionWrite('table', 'ada@example.com', 'BOUNCED', NOW);
    expect(unmarshall(write.Key!)).toEqual(suppressionKey('ada@example.com'));
    expect(write.UpdateExpression).toBe('SET #email = if_not_exists(#email, :email), #reason = :reason, #updatedAt = :now');
    expect(write.UpdateExpression).not.toContain('unsubscribedFrom');
    expect(unmarshall(write.ExpressionAttributeValues!)).toMatchObject({ ':email': 'ada@example.com', ':reason': 'BOUNCED', ':now': NOW });
  });

  it('lets a complaint replace a bounce, and nothing replace a complaint', () => {
    expect(suppressionWrite('table', 'a@example.com', 'BOUNCED', NOW).ConditionExpression).toBe('attribute_not_exists(#reason) OR attribute_type(#reason, :null)');
    const complaint = suppressionWrite('table', 'a@example.com', 'COMPLAINED', NOW);
    expect(complaint.ConditionExpression).toBe('attribute_not_exists(#reason) OR attribute_type(#reason, :null) OR #reason = :bounced');
    expect(unmarshall(complaint.ExpressionAttributeValues!)).toMatchObject({ ':null': 'NULL', ':bounced': 'BOUNCED' });
  });

  it('marks an attendee that exists, unless it is already in that state (or COMPLAINED)', () => {
    const write = attendeeWrite('table', { kind: 'attendee', eventId: 'evt-1', email: 'Ada@example.com', state: 'BOUNCED', lastError: 'Permanent bounce', sesMessageId: 'ses-1' }, NOW);
    expect(unmarshall(write.Key!)).toEqual(attendeeKey('evt-1', 'ada@example.com'));
    expect(write.UpdateExpression).toBe('SET #delivery.#state = :state, #delivery.#lastError = :lastError, #updatedAt = :now');
    expect(write.ConditionExpression).toBe('attribute_exists(#delivery) AND NOT (#delivery.#state IN (:kept0, :kept1))');
    expect(unmarshall(write.ExpressionAttributeValues!)).toEqual({ ':state': 'BOUNCED', ':lastError': 'Permanent bounce', ':now': NOW, ':kept0': 'BOUNCED', ':kept1': 'COMPLAINED' });

    const complained = attendeeWrite('table', { kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: 'COMPLAINED', lastError: 'Complaint', sesMessageId: 'ses-1' }, NOW);
    expect(complained.ConditionExpression).toBe('attribute_exists(#delivery) AND NOT (#delivery.#state IN (:kept0))');
  });

  it('notes a passing error only on an attendee that neither bounced nor complained, about its latest mail, and only when it is new', () => {
    const write = attendeeWrite('table', { kind: 'attendee', eventId: 'evt-1', email: 'ada@example.com', state: null, lastError: 'Transient bounce', sesMessageId: 'ses-2' }, NOW);
    expect(write.UpdateExpression).toBe('SET #delivery.#lastError = :lastError, #updatedAt = :now');
    expect(write.ConditionExpression).toContain('NOT (#delivery.#state IN (:kept0, :kept1))');
    expect(write.ConditionExpression).toContain('#delivery.#lastError <> :lastError');
    expect(write.ConditionExpression).toContain('(attribute_not_exists(#delivery.#messageId) OR attribute_type(#delivery.#messageId, :null) OR #delivery.#messageId = :messageId)');
    expect(unmarshall(write.ExpressionAttributeValues!)).toMatchObject({ ':messageId': 'ses-2', ':null': 'NULL' });
  });
});
