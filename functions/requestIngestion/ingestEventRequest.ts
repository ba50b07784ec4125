// The event-request route (ARCHITECTURE.md flow 9): a calendar mailed to the requests
// address by an organizer, its verdicts and its sender already checked (ingestMail.ts).
// A valid REQUEST of an ACTIVE organizer is carried out (eventRequestByEmail.ts); a
// calendar that is no valid REQUEST, or any request of an organizer who is not ACTIVE, is
// refused with an EVENT_REQUEST_FAILED notice saying why. Strangers never get this far.
import { ErrorType } from '../../resolvers/lib/errorTypes';
import type { BadEventRequest, EventRequest } from './classifyRequest';
import { requestMessageClaimId } from './eventRequestClaim';
import { eventRequestByEmail, type RequestWork } from './eventRequestByEmail';
import type { Warn } from './importByEmail';
import type { Ingestion, IngestionConfig, IngestionFacts, IngestionPorts } from './ingestMail';

export type RequestSenderFacts = {
  sesMessageId: string;
  /** The From address, normalized. */
  email: string;
  /** The Message-ID header, if any. */
  messageId: string | undefined;
  organizerId: string;
  /** Why the organizer may not create events (SUSPENDED), or null when ACTIVE. */
  notActive: string | null;
};

export async function ingestEventRequest(
  request: EventRequest | BadEventRequest,
  sender: RequestSenderFacts,
  facts: IngestionFacts,
  config: IngestionConfig,
  ports: IngestionPorts,
  warn: Warn,
): Promise<Ingestion> {
  const parsed = request.kind === 'eventRequest' ? request.request : null;
  const about = { title: parsed?.input.title || null, uid: parsed?.uid ?? null };
  const work: RequestWork = sender.notActive
    ? { kind: 'refuse', failure: { errorType: ErrorType.Unauthorized, reason: `${sender.notActive}: a suspended organizer cannot create events` }, ...about }
    : request.kind === 'badEventRequest'
      ? { kind: 'refuse', failure: { errorType: ErrorType.ValidationError, reason: request.reason }, ...about }
      : { kind: 'create', request: request.request };

  const ids = { sesMessageId: sender.sesMessageId, organizerId: sender.organizerId, messageClaimId: requestMessageClaimId(sender.email, sender.messageId, sender.sesMessageId) };
  const result = await eventRequestByEmail(work, ids, config, ports, warn);
  switch (result.outcome) {
    case 'created':
      facts.eventId = result.eventId;
      return { outcome: 'created', facts, invited: result.invited, stopped: result.stopped };
    case 'failed':
      return { outcome: 'dropped', facts, reason: result.failure.reason, refusal: { errorType: result.failure.errorType } };
    case 'dropped':
      return { outcome: 'dropped', facts, reason: result.reason };
    case 'retry':
      if (result.eventId) facts.eventId = result.eventId;
      return { outcome: 'retry', facts, reason: result.reason };
  }
}
