// The event-request handler: an active organizer's REQUEST carried out once. In order:
// claim the message, claim the request (its progress comes back on a retry), createEvent
// (IAM, organizerId) and save the progress, inviteAttendees per chunk of 100 saving the
// progress after each, write the EVENT_REQUEST_PROCESSED notice, mark both claims SENT.
// - A message or request already handled (a redelivery, the same invitation mailed twice)
//   is dropped without calling the API.
// - A refusal of createEvent (invalid input, a limit, a suspension) writes an
//   EVENT_REQUEST_FAILED notice, gives the request's claim up (a corrected mail with the
//   same UID may come) and marks the message DROPPED.
// - A refusal of inviteAttendees (a limit) stops inviting: the event stays, the notice says why.
// - Anything else unlocks the request's claim (its progress kept), releases the message's
//   and retries: the next receive resumes where this one stopped. The event's id is derived
//   from the request (requestEventId), so a crash between createEvent's answer and the
//   progress being saved creates nothing twice: the retry's createEvent finds it.
import { INVITE_LIMITS } from '../../resolvers/lib/invites';
import { errorText, isPermanent } from '../lib/errors';
import type { Claim, ClaimOutcome } from '../lib/sendOnce/sendClaim';
import type { NoticePorts, RequestClaimPorts } from './dynamoRequestClaims';
import { REQUEST_INGESTION_CONSUMER } from './emailImportClaim';
import { countIssues, requestClaimId, requestEventId, type RequestProgress } from './eventRequestClaim';
import { failedNotice, processedNotice, type RequestFailure } from './eventRequestNotice';
import { EventRequestRefusedError } from './errors';
import type { EventRequestApi } from './graphqlEventRequestPort';
import type { ClaimConfig, ClaimPorts, Warn } from './importByEmail';
import type { ItipRequest } from './parseEventRequest';

export type EventRequestPorts = ClaimPorts & RequestClaimPorts & NoticePorts & EventRequestApi;

export type RequestSender = { sesMessageId: string; organizerId: string; messageClaimId: string };

/** What to do with the mail: carry the request out, or tell the organizer why not. */
export type RequestWork = { kind: 'create'; request: ItipRequest } | { kind: 'refuse'; failure: RequestFailure; title: string | null; uid: string | null };

export type EventRequestByEmail =
  | { outcome: 'created'; eventId: string; invited: number; stopped: RequestProgress['stopped'] }
  | { outcome: 'failed'; failure: RequestFailure }
  | { outcome: 'dropped'; reason: string }
  | { outcome: 'retry'; reason: string; eventId?: string };

export async function eventRequestByEmail(work: RequestWork, sender: RequestSender, config: ClaimConfig, ports: EventRequestPorts, warn: Warn): Promise<EventRequestByEmail> {
  const claimOf = (messageId: string): Claim => ({ table: config.table, consumer: REQUEST_INGESTION_CONSUMER, messageId, token: config.newToken(), nowMs: config.now(), leaseMs: config.leaseMs });
  const quietly = async (what: string, claim: Claim, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      // Done (or refused for good) already, or the lease runs out on its own: nothing to retry for.
      warn(`emailed event request claim not ${what}`, { sesMessageId: sender.sesMessageId, claim: claim.messageId, error: errorText(error) });
    }
  };
  const messageClaim = claimOf(sender.messageClaimId);

  let claimed: ClaimOutcome;
  try {
    claimed = await ports.claim(messageClaim);
  } catch (error) {
    return { outcome: 'retry', reason: `claim failed: ${errorText(error)}` };
  }
  if (claimed === 'done') return { outcome: 'dropped', reason: 'already handled: a message with this Message-ID from this sender' };
  if (claimed === 'inProgress') return { outcome: 'retry', reason: 'another receive of this message is handling it' };

  const refuse = async (failure: RequestFailure, request: { title: string | null; uid: string | null }): Promise<EventRequestByEmail> => {
    const notice = failedNotice(sender.organizerId, `email-request-failed-${sender.sesMessageId}`, failure, request, new Date(config.now()));
    try {
      await ports.putNotice(notice);
    } catch (error) {
      await quietly('released', messageClaim, () => ports.release(messageClaim));
      return { outcome: 'retry', reason: `notice not written: ${errorText(error)}` };
    }
    await quietly('marked', messageClaim, () => ports.finish(messageClaim, 'DROPPED', { reason: failure.reason }));
    return { outcome: 'failed', failure };
  };
  if (work.kind === 'refuse') return refuse(work.failure, work);

  const { request } = work;
  const requestClaim = claimOf(requestClaimId(sender.organizerId, request.uid, request.sequence, sender.messageClaimId));
  let progress: RequestProgress | null;
  try {
    const outcome = await ports.claimRequest(requestClaim);
    if (outcome.outcome !== 'claimed') {
      if (outcome.outcome === 'done') {
        const reason = 'already handled: the same request (UID and SEQUENCE) came in another message';
        await quietly('marked', messageClaim, () => ports.finish(messageClaim, 'DROPPED', { reason }));
        return { outcome: 'dropped', reason };
      }
      await quietly('released', messageClaim, () => ports.release(messageClaim));
      return { outcome: 'retry', reason: 'another message with the same request is being handled' };
    }
    progress = outcome.progress;
  } catch (error) {
    await quietly('released', messageClaim, () => ports.release(messageClaim));
    return { outcome: 'retry', reason: `claim failed: ${errorText(error)}` };
  }

  const retry = async (error: unknown, eventId?: string): Promise<EventRequestByEmail> => {
    await quietly('unlocked', requestClaim, () => ports.unlockRequest(requestClaim));
    await quietly('released', messageClaim, () => ports.release(messageClaim));
    return { outcome: 'retry', reason: errorText(error), ...(eventId ? { eventId } : {}) };
  };

  if (!progress) {
    try {
      const event = await ports.createEvent({ ...request.input }, sender.organizerId, requestEventId(requestClaim.messageId));
      // ATTENDEEs that are no address (a URN, a phone) count as invalid, as the API would call them.
      const notMailto = countIssues([], request.notMailto.map((value) => ({ email: value, reason: 'not a mailto: address' })));
      const createdAt = new Date(config.now()).toISOString();
      progress = { eventId: event.id, title: event.title, startsAt: event.startsAt, createdAt, chunksDone: 0, invited: 0, duplicates: [], invalid: notMailto, rejected: [], stopped: null };
    } catch (error) {
      if (isPermanent(error)) {
        // Nothing was created: a corrected mail with the same UID and SEQUENCE may try again.
        await quietly('released', requestClaim, () => ports.release(requestClaim));
        const errorType = error instanceof EventRequestRefusedError ? error.errorType : 'ValidationError';
        return refuse({ errorType, reason: error.message }, { title: request.input.title || null, uid: request.uid });
      }
      return retry(error);
    }
    try {
      await ports.saveProgress(requestClaim, progress);
    } catch (error) {
      return retry(error, progress.eventId);
    }
  }

  const chunks = chunked(request.attendees, INVITE_LIMITS.perCall);
  while (!progress.stopped && progress.chunksDone < chunks.length) {
    try {
      const result = await ports.inviteAttendees(progress.eventId, chunks[progress.chunksDone]!, sender.organizerId);
      progress = {
        ...progress,
        chunksDone: progress.chunksDone + 1,
        invited: progress.invited + result.invited.length,
        duplicates: countIssues(progress.duplicates, result.duplicates),
        invalid: countIssues(progress.invalid, result.invalid),
        rejected: countIssues(progress.rejected, result.rejected),
      };
    } catch (error) {
      if (!isPermanent(error)) return retry(error, progress.eventId);
      const errorType = error instanceof EventRequestRefusedError ? error.errorType : 'ValidationError';
      progress = { ...progress, stopped: { errorType, reason: error.message } };
    }
    try {
      await ports.saveProgress(requestClaim, progress);
    } catch (error) {
      return retry(error, progress.eventId);
    }
  }

  try {
    await ports.putNotice(processedNotice(sender.organizerId, `email-request-${requestClaim.messageId.split('/').pop()!.slice(0, 32)}`, progress, request.uid));
  } catch (error) {
    return retry(error, progress.eventId);
  }
  await quietly('marked', requestClaim, () => ports.finish(requestClaim, 'SENT', {}));
  await quietly('marked', messageClaim, () => ports.finish(messageClaim, 'SENT', {}));
  return { outcome: 'created', eventId: progress.eventId, invited: progress.invited, stopped: progress.stopped };
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
