import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { CLAIM_TTL_SECONDS, claimRequest, claimStateRequest, finishRequest, refusedClaimOutcome, releaseRequest, type Claim } from '../../../../../functions/lib/sendOnce/sendClaim';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const claim: Claim = { table: 'table', consumer: 'noticeMailer', messageId: 'ORGANIZER_NOTICE#n1', token: 't1', nowMs: NOW, leaseMs: 40_000 };

describe('the delivery claim', () => {
  it('puts the message# idempotency item, SENDING under a lease, with a TTL past the DLQ’s retention', () => {
    const request = claimRequest(claim);
    expect(unmarshall(request.Item!)).toEqual({
      pk: 'message#noticeMailer/ORGANIZER_NOTICE#n1',
      sk: 'message',
      messageId: 'ORGANIZER_NOTICE#n1',
      status: 'SENDING',
      claimToken: 't1',
      claimedUntil: NOW + 40_000,
      updatedAt: '2030-01-01T00:00:00.000Z',
      expiresAt: NOW / 1000 + CLAIM_TTL_SECONDS,
    });
    expect(CLAIM_TTL_SECONDS).toBeGreaterThan(14 * 86_400);
    // Only where there is no claim, or a SENDING claim whose lease ran out.
    expect(request.ConditionExpression).toBe('attribute_not_exists(pk) OR (#status = :sending AND #claimedUntil < :now)');
    expect(unmarshall(request.ExpressionAttributeValues!)).toEqual({ ':sending': 'SENDING', ':now': NOW });
  });

  it('reads a refused claim consistently and tells a redelivery from a concurrent receive', () => {
    expect(claimStateRequest({ table: 'table', consumer: 'noticeMailer', messageId: 'm' })).toMatchObject({ ConsistentRead: true, Key: { pk: { S: 'message#noticeMailer/m' }, sk: { S: 'message' } } });
    expect(refusedClaimOutcome({ status: 'SENT' })).toBe('done');
    expect(refusedClaimOutcome({ status: 'DROPPED' })).toBe('done');
    expect(refusedClaimOutcome({ status: 'SENDING' })).toBe('inProgress');
    expect(refusedClaimOutcome(undefined)).toBe('inProgress');
  });

  it('marks SENT with SES’s message id, or DROPPED with the reason, ending the lease', () => {
    const sent = finishRequest(claim, 'SENT', { sesMessageId: 'ses-1' }, NOW);
    expect(sent.UpdateExpression).toBe('SET #status = :status, #updatedAt = :now, #sesMessageId = :sesMessageId REMOVE #claimedUntil');
    expect(unmarshall(sent.ExpressionAttributeValues!)).toEqual({ ':status': 'SENT', ':now': '2030-01-01T00:00:00.000Z', ':sesMessageId': 'ses-1' });
    const dropped = finishRequest(claim, 'DROPPED', { reason: 'no address' }, NOW);
    expect(dropped.UpdateExpression).toBe('SET #status = :status, #updatedAt = :now, #reason = :reason REMOVE #claimedUntil');
  });

  it('releases only the claim this attempt made', () => {
    const request = releaseRequest(claim);
    expect(request.ConditionExpression).toBe('#claimToken = :token');
    expect(unmarshall(request.ExpressionAttributeValues!)).toEqual({ ':token': 't1' });
  });
});
