// The RSVP handler: a matched REPLY recorded once. In order: claim the message
// (rsvpClaim.ts: its Message-ID), claim the reply (UID, attendee, SEQUENCE, DTSTAMP), call
// recordEmailRsvp (IAM), mark both claims SENT.
// - A message or a reply already handled (a redelivery, the same mail sent twice, the same
//   reply in another message) is dropped without calling the API.
// - A refusal of the API (RsvpRefusedError: not invited, stale, cancelled) marks both claims
//   DROPPED: the same reply again meets the same refusal.
// - Anything else releases both claims and retries the message; if it lasts, the queue's DLQ.
// A crash between the API's answer and the marks lets the retry call the API again, which
// then refuses the reply as stale (the same SEQUENCE and DTSTAMP): nothing is applied twice.
import { errorText, isPermanent } from '../lib/errors';
import type { Claim, ClaimOutcome } from '../lib/sendOnce/sendClaim';
import { REQUEST_INGESTION_CONSUMER } from './emailImportClaim';
import { RsvpRefusedError } from './errors';
import type { RecordEmailRsvpPort } from './graphqlEmailRsvpPort';
import type { ClaimConfig, ClaimPorts, Warn } from './importByEmail';
import type { EmailRsvp } from './matchReply';

export type RsvpPorts = ClaimPorts & { recordEmailRsvp: RecordEmailRsvpPort };

export type RsvpByEmail =
  | { outcome: 'recorded'; status: string }
  | { outcome: 'dropped'; reason: string; errorType?: string; apiReason?: string }
  | { outcome: 'retry'; reason: string };

export type RsvpClaimIds = { sesMessageId: string; message: string; reply: string };

export async function rsvpByEmail(rsvp: EmailRsvp, ids: RsvpClaimIds, config: ClaimConfig, ports: RsvpPorts, warn: Warn): Promise<RsvpByEmail> {
  const claimOf = (messageId: string): Claim => ({
    table: config.table,
    consumer: REQUEST_INGESTION_CONSUMER,
    messageId,
    token: config.newToken(),
    nowMs: config.now(),
    leaseMs: config.leaseMs,
  });
  const messageClaim = claimOf(ids.message);
  const replyClaim = claimOf(ids.reply);
  const release = async (claims: Claim[]) => {
    for (const claim of claims) {
      try {
        await ports.release(claim);
      } catch (error) {
        // The lease runs out on its own before the message is received again.
        warn('emailed RSVP claim not released', { sesMessageId: ids.sesMessageId, claim: claim.messageId, error: errorText(error) });
      }
    }
  };
  const finish = async (claims: Claim[], status: 'SENT' | 'DROPPED', reason?: string) => {
    for (const claim of claims) {
      try {
        await ports.finish(claim, status, reason ? { reason } : {});
      } catch (error) {
        // Recorded (or refused for good) already: a retry would only meet a stale reply.
        warn('emailed RSVP claim not marked', { sesMessageId: ids.sesMessageId, claim: claim.messageId, status, error: errorText(error) });
      }
    }
  };

  let claimed: ClaimOutcome;
  try {
    claimed = await ports.claim(messageClaim);
  } catch (error) {
    return { outcome: 'retry', reason: `claim failed: ${errorText(error)}` };
  }
  if (claimed === 'done') return { outcome: 'dropped', reason: 'already handled: a message with this Message-ID from this sender' };
  if (claimed === 'inProgress') return { outcome: 'retry', reason: 'another receive of this message is handling it' };

  try {
    claimed = await ports.claim(replyClaim);
  } catch (error) {
    await release([messageClaim]);
    return { outcome: 'retry', reason: `claim failed: ${errorText(error)}` };
  }
  if (claimed === 'done') {
    const reason = 'already handled: the same reply (UID, ATTENDEE, SEQUENCE, DTSTAMP) came in another message';
    await finish([messageClaim], 'DROPPED', reason);
    return { outcome: 'dropped', reason };
  }
  if (claimed === 'inProgress') {
    await release([messageClaim]);
    return { outcome: 'retry', reason: 'another message with the same reply is being handled' };
  }

  try {
    const recorded = await ports.recordEmailRsvp(rsvp);
    await finish([messageClaim, replyClaim], 'SENT');
    return { outcome: 'recorded', status: recorded.status };
  } catch (error) {
    if (isPermanent(error)) {
      await finish([messageClaim, replyClaim], 'DROPPED', error.message);
      const refused = error instanceof RsvpRefusedError ? { errorType: error.errorType, ...(error.reason ? { apiReason: error.reason } : {}) } : {};
      return { outcome: 'dropped', reason: error.message, ...refused };
    }
    await release([replyClaim, messageClaim]);
    return { outcome: 'retry', reason: errorText(error) };
  }
}
