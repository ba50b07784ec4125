// An emailed event request is carried out once, and finished after a partial failure,
// although SQS delivers at least once and people mail the same invitation twice. Two
// idempotency items (lib/sendOnce/sendClaim.ts keys, the ingestion's consumer):
// - the message (`event-request-message/<sha256 of the sender and the Message-ID>`, SES's
//   message id when there is none): a plain send-once claim, so a redelivery does nothing;
// - the request (`event-request/<sha256 of the organizer, UID and SEQUENCE>`): a claim with
//   state, the progress below, saved after createEvent and after each inviteAttendees
//   chunk. A retry (the same message, or the same request in another message) resumes from
//   it instead of creating a second event. A failure worth a retry unlocks the claim
//   (claimedUntil 0) and keeps the progress; sendClaim's put would overwrite it.
// Both are hashed: the key stays short whatever a header holds, and carries no address.
import type { UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createHash } from 'node:crypto';
import { messageKey } from '../../resolvers/lib/keys';
import { CLAIM_TTL_SECONDS, type Claim } from '../lib/sendOnce/sendClaim';
import type { InviteIssue } from './graphqlEventRequestPort';

export type IssueCount = { reason: string; count: number };

/** What is done of one request: saved on its claim, read back by a retry. */
export type RequestProgress = {
  eventId: string;
  title: string;
  startsAt: string;
  /** When createEvent answered: the PROCESSED notice's time, the same on every retry. */
  createdAt: string;
  /** inviteAttendees chunks answered. */
  chunksDone: number;
  invited: number;
  /** Per kind, the API's reasons with how many addresses each (no address: notices carry none). */
  duplicates: IssueCount[];
  invalid: IssueCount[];
  rejected: IssueCount[];
  /** The refusal that stopped the invitations (a limit, ...), or null. */
  stopped: { errorType: string; reason: string } | null;
};

export type RequestClaimOutcome = { outcome: 'claimed'; progress: RequestProgress | null } | { outcome: 'done' } | { outcome: 'inProgress' };

export function requestMessageClaimId(sender: string, messageId: string | undefined, sesMessageId: string): string {
  const id = messageId?.trim();
  return id ? `event-request-message/${digest(['message-id', sender, id])}` : `event-request-message/ses/${sesMessageId}`;
}

/** The request's claim: by UID and SEQUENCE (RFC 5546 section 2.1.5), else by its message alone. */
export function requestClaimId(organizerId: string, uid: string | null, sequence: number, messageClaimId: string): string {
  return uid === null ? `event-request/${digest(['message', messageClaimId])}` : `event-request/${digest([organizerId, uid, String(sequence)])}`;
}

/**
 * The id of the event a request creates, derived from its claim: a retry after createEvent
 * answered but before the progress was saved names the same event, and createEvent answers
 * Conflict EVENT_EXISTS instead of creating a second one. A UUID (version 8: name-based,
 * from SHA-256), as createEvent's `id` wants.
 */
export function requestEventId(requestClaimId: string): string {
  const h = digest(['event', requestClaimId]);
  const variant = '89ab'[parseInt(h[16]!, 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Adds an inviteAttendees chunk's issues to the counts so far. */
export function countIssues(counts: IssueCount[], issues: InviteIssue[]): IssueCount[] {
  const next = counts.map((c) => ({ ...c }));
  for (const issue of issues) {
    const found = next.find((c) => c.reason === issue.reason);
    if (found) found.count += 1;
    else next.push({ reason: issue.reason, count: 1 });
  }
  return next;
}

function key(claim: Pick<Claim, 'consumer' | 'messageId'>) {
  return marshall(messageKey(`${claim.consumer}/${claim.messageId}`));
}

/** Claims the request as sendClaim does (no item, or a lapsed SENDING one), keeping its progress. */
export function claimRequestUpdate(claim: Claim): UpdateItemCommandInput {
  return {
    TableName: claim.table,
    Key: key(claim),
    UpdateExpression: 'SET #status = :sending, #messageId = :id, #claimToken = :token, #claimedUntil = :until, #updatedAt = :updatedAt, #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
    ConditionExpression: 'attribute_not_exists(pk) OR (#status = :sending AND #claimedUntil < :now)',
    ExpressionAttributeNames: { '#status': 'status', '#messageId': 'messageId', '#claimToken': 'claimToken', '#claimedUntil': 'claimedUntil', '#updatedAt': 'updatedAt', '#expiresAt': 'expiresAt' },
    ExpressionAttributeValues: marshall({
      ':sending': 'SENDING',
      ':id': claim.messageId,
      ':token': claim.token,
      ':until': claim.nowMs + claim.leaseMs,
      ':now': claim.nowMs,
      ':updatedAt': new Date(claim.nowMs).toISOString(),
      ':expiresAt': Math.floor(claim.nowMs / 1000) + CLAIM_TTL_SECONDS,
    }),
    ReturnValues: 'ALL_NEW',
  };
}

/** Saves the progress; only the attempt holding the claim may. */
export function saveProgressUpdate(claim: Claim, progress: RequestProgress, nowMs: number): UpdateItemCommandInput {
  return {
    TableName: claim.table,
    Key: key(claim),
    UpdateExpression: 'SET #progress = :progress, #updatedAt = :now',
    ConditionExpression: '#claimToken = :token',
    ExpressionAttributeNames: { '#progress': 'progress', '#updatedAt': 'updatedAt', '#claimToken': 'claimToken' },
    ExpressionAttributeValues: marshall({ ':progress': progress, ':now': new Date(nowMs).toISOString(), ':token': claim.token }, { removeUndefinedValues: true }),
  };
}

/** Lets the next receive claim the request at once, progress kept. */
export function unlockRequestUpdate(claim: Claim): UpdateItemCommandInput {
  return {
    TableName: claim.table,
    Key: key(claim),
    UpdateExpression: 'SET #claimedUntil = :zero',
    ConditionExpression: '#claimToken = :token AND #status = :sending',
    ExpressionAttributeNames: { '#claimedUntil': 'claimedUntil', '#claimToken': 'claimToken', '#status': 'status' },
    ExpressionAttributeValues: marshall({ ':zero': 0, ':token': claim.token, ':sending': 'SENDING' }),
  };
}

/** The progress an item holds, if it holds a well-formed one. */
export function progressOf(item: Record<string, unknown> | undefined): RequestProgress | null {
  const progress = item?.progress as RequestProgress | undefined;
  return progress && typeof progress.eventId === 'string' && typeof progress.chunksDone === 'number' ? progress : null;
}

function digest(parts: string[]): string {
  // NUL cannot occur in a header or a property value: the parts cannot run into each other.
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
