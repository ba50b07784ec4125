// One received message, from SES's notification to what it asks for:
//   parse the notification -> route by recipient -> verdicts -> the sender ->
//   requests: the sender's organizer -> load the raw MIME from S3 -> classify -> the request's handler
//             (a CSV import: importByEmail.ts; an event request: ingestEventRequest.ts);
//   RSVP:     load the raw MIME from S3 -> the REPLY it carries, matched to an invitation -> recordEmailRsvp (ingestRsvp.ts).
// The checks that need no message body come first, so an unauthenticated message is never
// read (nor a stranger's request; a suspended organizer's is, to tell them why an event
// request of theirs was refused). The AWS calls come in as ports, so every decision is tested
// without AWS. Outcomes:
// - imported: every attachment settled (some may be dropped, e.g. an upload refused);
// - created: the requested event exists, its attendees invited, the organizer told;
// - recorded: the reply is the attendee's answer now;
// - dropped: nothing to do, ever (the reason says why; `refusal` when the organizer was told); logged and done;
// - retry: a failure a retry may fix (DynamoDB, S3, AppSync 5xx, network): batchItemFailures.
import type { RsvpResponse } from '../../resolvers/lib/records';
import { errorText, isPermanent } from '../lib/errors';
import { classifyRequest, type MailRequest } from './classifyRequest';
import type { EventRequestPorts } from './eventRequestByEmail';
import { identifyOrganizer, type OrganizerPorts } from './identifyOrganizer';
import { importByEmail, type AttachmentOutcome, type ClaimConfig, type ImportPorts, type Warn } from './importByEmail';
import { ingestEventRequest } from './ingestEventRequest';
import { ingestRsvp } from './ingestRsvp';
import { mailRoute, type InboundAddresses, type MailRoute } from './mailRoute';
import { parseNotification, type ReceivedMail } from './parseNotification';
import { readMessage } from './readMessage';
import type { RsvpPorts } from './rsvpByEmail';
import { domainOf, senderAddress } from './senderAddress';
import { verdictProblem } from './verdictProblem';
import { alignmentProblem } from './alignmentProblem';

export type MessagePorts = {
  /** The raw message the S3 action stored. A missing object is a PermanentError. */
  loadMessage(stored: ReceivedMail['stored']): Promise<Uint8Array>;
};

export type IngestionPorts = OrganizerPorts & MessagePorts & ImportPorts & RsvpPorts & EventRequestPorts;

export type IngestionConfig = ClaimConfig & {
  addresses: InboundAddresses;
  /** The bucket the stack's receipt rule stores mail in: the only one read. */
  inboundBucket: string;
};

/** The API's refusal of an emailed RSVP: its stable errorType and errorInfo.reason. */
export type ApiRefusal = { errorType: string; reason?: string };

/** What the log line may say about a message: identifiers, never addresses or subjects. */
export type IngestionFacts = {
  sesMessageId?: string;
  route?: MailRoute;
  senderDomain?: string;
  organizerId?: string;
  eventId?: string;
};

export type Ingestion =
  | { outcome: 'imported'; facts: IngestionFacts; attachments: AttachmentOutcome[]; ignoredAttachments: number }
  | { outcome: 'created'; facts: IngestionFacts; invited: number; stopped: { errorType: string; reason: string } | null }
  | { outcome: 'recorded'; facts: IngestionFacts; response: RsvpResponse; status: string }
  | { outcome: 'dropped'; facts: IngestionFacts; reason: string; attachments?: AttachmentOutcome[]; refusal?: ApiRefusal }
  | { outcome: 'retry'; facts: IngestionFacts; reason: string; attachments?: AttachmentOutcome[] };

export async function ingestMail(body: string, config: IngestionConfig, ports: IngestionPorts, warn: Warn): Promise<Ingestion> {
  const facts: IngestionFacts = {};
  const dropped = (reason: string): Ingestion => ({ outcome: 'dropped', facts, reason });

  let mail: ReceivedMail;
  try {
    mail = parseNotification(body);
  } catch (error) {
    return dropped((error as Error).message);
  }
  facts.sesMessageId = mail.sesMessageId;

  const route = mailRoute(mail.recipients, config.addresses);
  if (!route) return dropped('addressed to neither the requests address nor the RSVP address');
  facts.route = route;

  const refused = verdictProblem(mail.verdicts);
  if (refused) return dropped(refused);
  if (mail.stored.bucket !== config.inboundBucket) return dropped('the message is stored outside the inbound bucket: not from the stack’s receipt rule');

  const sender = senderAddress(mail.from);
  if ('problem' in sender) return dropped(sender.problem);
  facts.senderDomain = domainOf(sender.email);
  const unaligned = alignmentProblem(mail.verdicts, { fromDomain: facts.senderDomain, mailFrom: mail.mailFrom, dkimDomains: mail.dkimDomains });
  if (unaligned) return dropped(unaligned);
  if (route === 'rsvp') return ingestRsvp(mail, sender.email, facts, config, ports, warn);

  let organizerId: string;
  let request: MailRequest;
  let messageId: string | undefined;
  let notActive: string | null = null;
  try {
    const identified = await identifyOrganizer(sender.email, ports);
    if (identified.organizerId) facts.organizerId = identified.organizerId;
    if ('problem' in identified) {
      // A suspended organizer is told why their event request changed nothing: read on.
      if (!identified.organizerId || !identified.status) return dropped(identified.problem);
      notActive = identified.problem;
    }
    organizerId = identified.organizerId!;
    const email = await readMessage(await ports.loadMessage(mail.stored));
    messageId = email.messageId;
    request = classifyRequest(email, ownAddressOr(sender.email, config.addresses));
  } catch (error) {
    if (isPermanent(error)) return dropped(error.message);
    return { outcome: 'retry', facts, reason: errorText(error) };
  }
  if (request.kind === 'eventRequest' || request.kind === 'badEventRequest') {
    return ingestEventRequest(request, { sesMessageId: mail.sesMessageId, email: sender.email, messageId, organizerId, notActive }, facts, config, ports, warn);
  }
  if (notActive) return dropped(notActive);
  if (request.kind === 'none') return dropped(request.reason);
  facts.eventId = request.eventId;

  const result = await importByEmail(request, { sesMessageId: mail.sesMessageId, organizerId }, config, ports, warn);
  if (result.outcome === 'retry') return { outcome: 'retry', facts, reason: result.reason, attachments: result.attachments };
  const settled = result.attachments.filter((a) => a.outcome !== 'dropped');
  if (settled.length === 0) {
    const reasons = result.attachments.map((a) => (a.outcome === 'dropped' ? a.reason : '')).filter(Boolean);
    return { outcome: 'dropped', facts, reason: [...new Set(reasons)].join('; '), attachments: result.attachments };
  }
  return { outcome: 'imported', facts, attachments: result.attachments, ignoredAttachments: request.ignoredAttachments };
}

/** Addresses an event request never invites: the organizer who sent it, and any at our own mail domains. */
function ownAddressOr(sender: string, addresses: InboundAddresses): (email: string) => boolean {
  const ownDomains = new Set([domainOf(addresses.requests), domainOf(addresses.rsvp)].map((d) => d.toLowerCase()));
  return (email) => email === sender || ownDomains.has(domainOf(email));
}
