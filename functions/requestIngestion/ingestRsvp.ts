// The RSVP route (ARCHITECTURE.md flow 6): mail to the RSVP address, its verdicts and its
// sender already checked (ingestMail.ts). The stored message is read, its REPLY found
// (findReply.ts) and matched to an invitation (matchReply.ts), then recorded once
// (rsvpByEmail.ts). Mail that is no RSVP, is forged or is malformed is dropped with the reason.
import { errorText, isPermanent } from '../lib/errors';
import { findReply, type FoundReply } from './findReply';
import type { Ingestion, IngestionConfig, IngestionFacts, IngestionPorts } from './ingestMail';
import type { Warn } from './importByEmail';
import { matchReply } from './matchReply';
import type { ReceivedMail } from './parseNotification';
import { readMessage } from './readMessage';
import { messageClaimId, replyClaimId } from './rsvpClaim';
import { rsvpByEmail } from './rsvpByEmail';
import { domainOf } from './senderAddress';

export async function ingestRsvp(
  mail: ReceivedMail,
  sender: string,
  facts: IngestionFacts,
  config: IngestionConfig,
  ports: IngestionPorts,
  warn: Warn,
): Promise<Ingestion> {
  const dropped = (reason: string): Ingestion => ({ outcome: 'dropped', facts, reason });

  let found: FoundReply;
  let messageId: string | undefined;
  try {
    const email = await readMessage(await ports.loadMessage(mail.stored));
    messageId = email.messageId;
    found = findReply(email);
  } catch (error) {
    if (isPermanent(error)) return dropped(error.message);
    return { outcome: 'retry', facts, reason: errorText(error) };
  }
  if ('problem' in found) return dropped(found.problem);

  // Our invitations' UIDs end in the RSVP address's domain, as the dispatcher writes them.
  const matched = matchReply(found.reply, sender, domainOf(config.addresses.rsvp));
  if ('problem' in matched) return dropped(matched.problem);
  facts.eventId = matched.rsvp.eventId;

  const ids = { sesMessageId: mail.sesMessageId, message: messageClaimId(sender, messageId, mail.sesMessageId), reply: replyClaimId(found.reply) };
  const result = await rsvpByEmail(matched.rsvp, ids, config, ports, warn);
  switch (result.outcome) {
    case 'recorded':
      return { outcome: 'recorded', facts, response: matched.rsvp.response, status: result.status };
    case 'retry':
      return { outcome: 'retry', facts, reason: result.reason };
    case 'dropped':
      return { ...dropped(result.reason), ...(result.errorType ? { refusal: { errorType: result.errorType, ...(result.apiReason ? { reason: result.apiReason } : {}) } } : {}) };
  }
}
