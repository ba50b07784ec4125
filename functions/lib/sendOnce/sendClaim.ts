// Sending each mail once, although SQS delivers at least once: before sending, a consumer
// claims the mail's idempotency item (`message#<consumer>/<messageId>`) with a conditional
// put, and marks it SENT (or DROPPED) after. Outcomes of a claim:
// - no item, or a SENDING claim whose lease ran out (its sender died): claimed, send;
// - SENT or DROPPED: a redelivery, done without sending;
// - SENDING with a live lease: another receive of the same message is sending it right now;
//   retry later (by then it is SENT, or its lease ran out).
// A send that fails for a reason a retry may fix releases the claim at once. The one window
// left is a sender that dies after SES accepted the mail and before the mark: the message
// comes back after its visibility timeout, past the lease, and is sent again. That order
// (send, then mark) prefers a rare duplicate to a lost notice.
import type { DeleteItemCommandInput, GetItemCommandInput, PutItemCommandInput, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { messageKey } from '../../../resolvers/lib/keys';

/**
 * Idempotency items outlive every redelivery: SQS keeps a message 4 days in the queue and
 * 14 in the DLQ (a redrive from the DLQ still finds the mark), so 15 days.
 */
export const CLAIM_TTL_SECONDS = 15 * 24 * 60 * 60;

export type DeliveryStatus = 'SENDING' | 'SENT' | 'DROPPED';
export type ClaimOutcome = 'claimed' | 'done' | 'inProgress';

export type Claim = {
  table: string;
  /** Whose claim: the key namespace of one consumer's idempotency items (its IAM scope too). */
  consumer: string;
  messageId: string;
  /** Unique per attempt: only the attempt that claimed may release. */
  token: string;
  nowMs: number;
  /** How long the claim holds against other receives (at least the function's timeout). */
  leaseMs: number;
};

function key(claim: Pick<Claim, 'consumer' | 'messageId'>) {
  return marshall(messageKey(`${claim.consumer}/${claim.messageId}`));
}

export function claimRequest(claim: Claim): PutItemCommandInput {
  return {
    TableName: claim.table,
    Item: marshall({
      ...messageKey(`${claim.consumer}/${claim.messageId}`),
      messageId: claim.messageId,
      status: 'SENDING' satisfies DeliveryStatus,
      claimToken: claim.token,
      claimedUntil: claim.nowMs + claim.leaseMs,
      updatedAt: new Date(claim.nowMs).toISOString(),
      expiresAt: Math.floor(claim.nowMs / 1000) + CLAIM_TTL_SECONDS,
    }),
    ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND #claimedUntil < :now)',
    ExpressionAttributeNames: { '#status': 'status', '#claimedUntil': 'claimedUntil' },
    ExpressionAttributeValues: marshall({ ':sending': 'SENDING', ':now': claim.nowMs }),
  };
}

/** Read after a refused claim, to tell a redelivery from a concurrent receive. */
export function claimStateRequest(claim: Pick<Claim, 'table' | 'consumer' | 'messageId'>): GetItemCommandInput {
  return { TableName: claim.table, Key: key(claim), ConsistentRead: true };
}

/** What a refused claim means, from the item that refused it (undefined: gone meanwhile). */
export function refusedClaimOutcome(item: Record<string, unknown> | undefined): Exclude<ClaimOutcome, 'claimed'> {
  return item?.status === 'SENT' || item?.status === 'DROPPED' ? 'done' : 'inProgress';
}

/** Marks the claim SENT or DROPPED (kept until TTL, so redeliveries find it). */
export function finishRequest(claim: Claim, status: Exclude<DeliveryStatus, 'SENDING'>, facts: { sesMessageId?: string; reason?: string }, nowMs: number): UpdateItemCommandInput {
  const values: Record<string, unknown> = { ':status': status, ':now': new Date(nowMs).toISOString() };
  const sets = ['#status = :status', '#updatedAt = :now'];
  if (facts.sesMessageId) {
    sets.push('#sesMessageId = :sesMessageId');
    values[':sesMessageId'] = facts.sesMessageId;
  }
  if (facts.reason) {
    sets.push('#reason = :reason');
    values[':reason'] = facts.reason;
  }
  return {
    TableName: claim.table,
    Key: key(claim),
    UpdateExpression: `SET ${sets.join(', ')} REMOVE #claimedUntil`,
    ExpressionAttributeNames: {
      '#status': 'status',
      '#updatedAt': 'updatedAt',
      '#claimedUntil': 'claimedUntil',
      ...(facts.sesMessageId ? { '#sesMessageId': 'sesMessageId' } : {}),
      ...(facts.reason ? { '#reason': 'reason' } : {}),
    },
    ExpressionAttributeValues: marshall(values),
  };
}

/** Gives the claim up so that the retry may send at once; only the attempt that made it may. */
export function releaseRequest(claim: Claim): DeleteItemCommandInput {
  return {
    TableName: claim.table,
    Key: key(claim),
    ConditionExpression: '#claimToken = :token',
    ExpressionAttributeNames: { '#claimToken': 'claimToken' },
    ExpressionAttributeValues: marshall({ ':token': claim.token }),
  };
}
