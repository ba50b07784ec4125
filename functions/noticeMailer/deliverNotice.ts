// One notice from the queue to the organizer's mailbox: parse, claim (lib/sendOnce/sendClaim.ts),
// look the organizer's address up, send, mark. The AWS calls come in as ports, so the
// decisions are tested without AWS:
// - sent / duplicate (already sent or dropped): the message is done;
// - dropped: it can never be sent (malformed, no organizer or no address, SES refuses it),
//   logged and done;
// - retry: a failure a retry may fix (SES throttling, network, DynamoDB); the claim is
//   released and the record is reported in batchItemFailures.
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { errorText, isPermanent } from '../lib/errors';
import type { log as writeLog } from '../lib/log';
import type { OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import type { Claim, ClaimOutcome, DeliveryStatus } from '../lib/sendOnce/sendClaim';
import { noticeMail } from './noticeMail';
import { parseNotice } from './parseNotice';

/** The key namespace of the mailer's idempotency items (`message#noticeMailer/<message id>`). */
export const NOTICE_MAILER_CONSUMER = 'noticeMailer';

export type DeliveryPorts = {
  claim(claim: Claim): Promise<ClaimOutcome>;
  /** The organizer's address; null when there is no such organizer or it has none. */
  organizerEmail(organizerId: string): Promise<string | null>;
  /** Sends; resolves to SES's message id. Errors no retry can fix are PermanentErrors. */
  send(input: SendEmailCommandInput): Promise<string | undefined>;
  finish(claim: Claim, status: Exclude<DeliveryStatus, 'SENDING'>, facts: { sesMessageId?: string; reason?: string }): Promise<void>;
  release(claim: Claim): Promise<void>;
};

export type DeliveryConfig = {
  table: string;
  sender: string;
  leaseMs: number;
  now: () => number;
  newToken: () => string;
};

export type Delivery =
  | { outcome: 'sent'; notice: OrganizerNoticeMessage; sesMessageId?: string }
  | { outcome: 'duplicate'; notice: OrganizerNoticeMessage }
  | { outcome: 'dropped'; notice?: OrganizerNoticeMessage; reason: string }
  | { outcome: 'retry'; notice?: OrganizerNoticeMessage; reason: string };

export async function deliverNotice(body: string, config: DeliveryConfig, ports: DeliveryPorts, log: typeof writeLog): Promise<Delivery> {
  let notice: OrganizerNoticeMessage;
  try {
    notice = parseNotice(body);
  } catch (error) {
    return { outcome: 'dropped', reason: (error as Error).message };
  }
  const claim: Claim = { table: config.table, consumer: NOTICE_MAILER_CONSUMER, messageId: notice.messageId, token: config.newToken(), nowMs: config.now(), leaseMs: config.leaseMs };
  let claimed: ClaimOutcome;
  try {
    claimed = await ports.claim(claim);
  } catch (error) {
    return { outcome: 'retry', notice, reason: `claim failed: ${errorText(error)}` };
  }
  if (claimed === 'done') return { outcome: 'duplicate', notice };
  if (claimed === 'inProgress') return { outcome: 'retry', notice, reason: 'another receive of this message is sending it' };

  const finish = async (status: 'SENT' | 'DROPPED', facts: { sesMessageId?: string; reason?: string }) => {
    try {
      await ports.finish(claim, status, facts);
    } catch (error) {
      // The mail went (or never will): a retry would only risk sending it twice.
      log('WARN', 'notice delivery not marked', { messageId: notice.messageId, status, error: errorText(error) });
    }
  };
  try {
    const to = await ports.organizerEmail(notice.organizerId);
    if (!to) {
      const reason = 'the organizer has no email address (or no longer exists)';
      await finish('DROPPED', { reason });
      return { outcome: 'dropped', notice, reason };
    }
    const sesMessageId = await ports.send(noticeMail(notice, to, config.sender));
    await finish('SENT', { sesMessageId });
    return { outcome: 'sent', notice, sesMessageId };
  } catch (error) {
    if (isPermanent(error)) {
      await finish('DROPPED', { reason: error.message });
      return { outcome: 'dropped', notice, reason: error.message };
    }
    try {
      await ports.release(claim);
    } catch (releaseError) {
      // The lease runs out on its own before the message is received again.
      log('WARN', 'notice claim not released', { messageId: notice.messageId, error: errorText(releaseError) });
    }
    return { outcome: 'retry', notice, reason: errorText(error) };
  }
}
