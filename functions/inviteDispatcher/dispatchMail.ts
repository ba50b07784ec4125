// One invite-dispatch message to one mailbox: parse, read the table, plan (planMail.ts),
// claim the mail (lib/sendOnce: a redelivered message never sends twice), compose the iMIP
// message, send it with SES, mark the claim and record the delivery on the attendee. The
// AWS calls come in as ports, so every decision is tested without AWS. Outcomes:
// - sent; duplicate (this mail went already); skipped (nothing to send any more);
// - suppressed: the address may not receive mail (the attendee shows SUPPRESSED);
// - dropped: it can never be sent (malformed message, SES refuses the mail), recorded as FAILED;
// - retry: a failure a retry may fix (throttling, network, DynamoDB): reported in
//   batchItemFailures, so SQS delivers it again, and after maxReceiveCount moves it to the DLQ.
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { DispatchMessage } from '../../resolvers/lib/dispatch';
import type { DeliveryState, OrganizerRecord } from '../../resolvers/lib/records';
import { isThrottling } from '../lib/aws/sesErrors';
import { errorText, isPermanent } from '../lib/errors';
import type { log as writeLog } from '../lib/log';
import { composeInvitation } from '../lib/mail/composeInvitation';
import { INVITATION_PURPOSE, INVITATION_TAGS } from '../lib/mail/invitationTags';
import type { Claim, ClaimOutcome, DeliveryStatus } from '../lib/sendOnce/sendClaim';
import { attendeeToken, unsubscribeToken } from '../lib/tokens/attendeeTokens';
import { parseDispatch } from './parseDispatch';
import { planMail, type MailFacts } from './planMail';

/** The key namespace of the dispatcher's send-once claims (`message#inviteDispatcher/...`). */
export const DISPATCHER_CONSUMER = 'inviteDispatcher';

/** What the attendee item records of a mail: see DeliveryRecord. */
export type DeliveryUpdate =
  | { state: 'SENT'; sequence: number; messageId: string | undefined; sentAt: string }
  | { state: Extract<DeliveryState, 'FAILED' | 'SUPPRESSED'>; lastError: string }
  | { state: null; lastError: string };

export type DispatchPorts = {
  facts(message: DispatchMessage): Promise<MailFacts>;
  organizer(organizerId: string): Promise<Pick<OrganizerRecord, 'id' | 'email'> | null>;
  tokenKey(): Promise<Uint8Array>;
  claim(claim: Claim): Promise<ClaimOutcome>;
  /** Sends; resolves to SES's message id. Errors no retry can fix are PermanentErrors. */
  send(input: SendEmailCommandInput): Promise<string | undefined>;
  finish(claim: Claim, status: Exclude<DeliveryStatus, 'SENDING'>, facts: { sesMessageId?: string; reason?: string }): Promise<void>;
  release(claim: Claim): Promise<void>;
  /** Records the outcome on the attendee item, if it still exists (state null: keep the state). */
  recordDelivery(eventId: string, email: string, update: DeliveryUpdate): Promise<void>;
};

export type DispatchConfig = {
  table: string;
  sender: string;
  rsvpAddress: string;
  /** Base URL of the attendee links function (ends with `/`): unsubscribe and RSVP pages. */
  linksUrl: string;
  leaseMs: number;
  now: () => number;
  newToken: () => string;
};

export type Dispatch = { message?: DispatchMessage } & (
  | { outcome: 'sent'; sesMessageId?: string; mailId: string }
  | { outcome: 'duplicate' | 'skipped' | 'suppressed' | 'dropped'; reason: string }
  | { outcome: 'retry'; reason: string; /** SES refused for its sending rate, even after backing off. */ throttled?: boolean }
);

export async function dispatchMail(body: string, config: DispatchConfig, ports: DispatchPorts, log: typeof writeLog): Promise<Dispatch> {
  let message: DispatchMessage;
  try {
    message = parseDispatch(body);
  } catch (error) {
    return { outcome: 'dropped', reason: errorText(error) };
  }
  let plan;
  let organizer;
  let key;
  try {
    plan = planMail(message, await ports.facts(message));
    if (plan.action === 'send') [organizer, key] = await Promise.all([ports.organizer(plan.event.organizerId), ports.tokenKey()]);
  } catch (error) {
    return { message, outcome: 'retry', reason: `reading the table failed: ${errorText(error)}` };
  }
  const record = async (update: DeliveryUpdate) => {
    try {
      await ports.recordDelivery(message.eventId, message.email, update);
    } catch (error) {
      // The mail went (or never will): the attendee's record lags, a retry would risk a second mail.
      log('WARN', 'delivery not recorded on the attendee', { eventId: message.eventId, state: update.state, error: errorText(error) });
    }
  };
  if (plan.action === 'skip') return { message, outcome: 'skipped', reason: plan.reason };
  if (plan.action === 'suppress') {
    if (message.reason !== 'REMOVED') await record({ state: 'SUPPRESSED', lastError: plan.reason });
    return { message, outcome: 'suppressed', reason: plan.reason };
  }

  const claim: Claim = { table: config.table, consumer: DISPATCHER_CONSUMER, messageId: plan.mailId, token: config.newToken(), nowMs: config.now(), leaseMs: config.leaseMs };
  let claimed: ClaimOutcome;
  try {
    claimed = await ports.claim(claim);
  } catch (error) {
    return { message, outcome: 'retry', reason: `claim failed: ${errorText(error)}` };
  }
  // The reason is logged: it names the mail by event and SEQUENCE, never by the mailId (it holds the address).
  if (claimed === 'done') return { message, outcome: 'duplicate', reason: `this mail (SEQUENCE ${plan.sequence}) was sent already` };
  if (claimed === 'inProgress') return { message, outcome: 'retry', reason: 'another receive is sending this mail right now' };

  const finish = async (status: 'SENT' | 'DROPPED', facts: { sesMessageId?: string; reason?: string }) => {
    try {
      await ports.finish(claim, status, facts);
    } catch (error) {
      log('WARN', 'mail claim not marked', { eventId: message.eventId, sequence: plan.sequence, status, error: errorText(error) });
    }
  };
  try {
    const event = { ...plan.event, sequence: plan.sequence };
    const token = attendeeToken(key!, event.id, plan.attendee.email);
    const links = plan.kind === 'cancellation' ? undefined : rsvpLinks(config.linksUrl, token);
    const composed = await composeInvitation({
      kind: plan.kind,
      event,
      organizer: { email: organizer?.email ?? null },
      attendee: plan.attendee,
      sender: config.sender,
      rsvpAddress: config.rsvpAddress,
      mailDomain: domainOf(config.rsvpAddress),
      links,
      unsubscribeUrl: `${config.linksUrl}unsubscribe/${unsubscribeToken(key!, event.organizerId, plan.attendee.email)}`,
      reason: plan.kind === 'cancellation' ? (message.reason === 'REMOVED' ? 'You were removed from the guest list.' : event.cancelReason) : undefined,
      now: new Date(config.now()),
    });
    const sesMessageId = await ports.send({
      FromEmailAddress: config.sender,
      Destination: { ToAddresses: [plan.attendee.email] },
      Content: { Raw: { Data: composed.raw } },
      // Bounce and complaint events (the configuration set's) name the invitation they concern.
      EmailTags: [
        { Name: INVITATION_TAGS.purpose, Value: INVITATION_PURPOSE },
        { Name: INVITATION_TAGS.eventId, Value: tagValue(event.id) },
        { Name: INVITATION_TAGS.organizerId, Value: tagValue(event.organizerId) },
      ],
    });
    await finish('SENT', { sesMessageId });
    if (message.reason !== 'REMOVED') await record({ state: 'SENT', sequence: plan.sequence, messageId: sesMessageId, sentAt: new Date(config.now()).toISOString() });
    return { message, outcome: 'sent', sesMessageId, mailId: plan.mailId };
  } catch (error) {
    if (isPermanent(error)) {
      await finish('DROPPED', { reason: error.message });
      if (message.reason !== 'REMOVED') await record({ state: 'FAILED', lastError: error.message });
      return { message, outcome: 'dropped', reason: error.message };
    }
    try {
      await ports.release(claim);
    } catch (releaseError) {
      log('WARN', 'mail claim not released', { eventId: message.eventId, sequence: plan.sequence, error: errorText(releaseError) });
    }
    if (message.reason !== 'REMOVED') await record({ state: null, lastError: errorText(error) });
    return { message, outcome: 'retry', reason: errorText(error), throttled: isThrottling(error) };
  }
}

/** The attendee's answer links (the RSVP page: GET shows, a POST from it records). */
export function rsvpLinks(linksUrl: string, token: string) {
  const page = `${linksUrl}rsvp/${token}`;
  return { yes: `${page}?answer=yes`, maybe: `${page}?answer=maybe`, no: `${page}?answer=no`, rsvpPage: page };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** SES tag values allow letters, digits, `_`, `-`, `.`, `@` and at most 256 characters. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}
