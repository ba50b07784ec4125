// SES's receipt notification as it arrives on the event-requests queue (raw delivery from the
// inbound topic: the SQS body is the notification SES published), reduced to what ingestion
// reads: the message id, the envelope recipients the rule matched, the verdicts, the
// `commonHeaders` From, and where the S3 action stored the raw message. A body still in
// SNS's envelope (a subscription without raw delivery) is unwrapped first. Anything else is
// malformed: no retry can make it a notification.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
import { MalformedInputError } from '../lib/errors';
import { dkimSigningDomain } from './alignmentProblem';

/** One verdict's status as SES reports it (PASS, FAIL, GRAY, PROCESSING_FAILED, DISABLED ...); null when absent. */
export type VerdictStatus = string | null;

export type ReceiptVerdicts = {
  /** Only present when the rule scans (ScanEnabled). */
  spam: VerdictStatus;
  virus: VerdictStatus;
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
  /** Only with a DMARC FAIL: the sender's policy (none, quarantine, reject). */
  dmarcPolicy: string | null;
};

export type ReceivedMail = {
  /** SES's message id: unique per received message, and the stored object's name. */
  sesMessageId: string;
  /** The envelope recipients the receipt rule matched. */
  recipients: string[];
  verdicts: ReceiptVerdicts;
  /** `mail.commonHeaders.from`: each mailbox as written (`"Doe, John" <john@example.com>`). */
  from: string[];
  /** Where the S3 action stored the raw message. */
  stored: { bucket: string; key: string };
  /** The envelope's MAIL FROM (`mail.source`); null when absent or empty. */
  mailFrom: string | null;
  /** The d= domains of the message's DKIM-Signature headers (`mail.headers`). */
  dkimDomains: string[];
};

type Json = Record<string, unknown>;

export function parseNotification(body: string): ReceivedMail {
  let notification = object(json(body, 'The message'), 'The message');
  if (notification.Type === 'Notification' && typeof notification.Message === 'string') {
    notification = object(json(notification.Message, "The SNS envelope's Message"), "The SNS envelope's Message");
  }
  if (notification.notificationType !== 'Received') {
    throw new MalformedInputError(`The notificationType is ${JSON.stringify(notification.notificationType)}, not "Received": it is not an SES receipt notification.`);
  }
  const mail = object(notification.mail, "The notification's mail");
  const receipt = object(notification.receipt, "The notification's receipt");
  const sesMessageId = text(mail.messageId);
  if (!sesMessageId) throw new MalformedInputError("The notification's mail has no messageId.");

  const action = object(receipt.action, "The receipt's action");
  if (action.type !== 'S3') throw new MalformedInputError(`The receipt's action is ${JSON.stringify(action.type)}, not S3: the raw message is not in a bucket.`);
  const bucket = text(action.bucketName);
  const key = text(action.objectKey);
  if (!bucket || !key) throw new MalformedInputError("The receipt's S3 action names no bucketName and objectKey.");

  const recipients = Array.isArray(receipt.recipients) ? receipt.recipients.filter((r): r is string => typeof r === 'string') : [];
  if (recipients.length === 0) throw new MalformedInputError("The receipt's recipients must be a non-empty list.");

  const commonHeaders = mail.commonHeaders === undefined ? {} : object(mail.commonHeaders, "The mail's commonHeaders");
  const from = Array.isArray(commonHeaders.from) ? commonHeaders.from.filter((f): f is string => typeof f === 'string') : [];

  const headers = Array.isArray(mail.headers) ? (mail.headers as unknown[]) : [];
  const dkimDomains = headers.flatMap((header) => {
    const { name, value } = (typeof header === 'object' && header !== null ? header : {}) as Json;
    if (typeof name !== 'string' || typeof value !== 'string' || name.toLowerCase() !== 'dkim-signature') return [];
    const domain = dkimSigningDomain(value);
    return domain ? [domain] : [];
  });

  return {
    sesMessageId,
    recipients,
    verdicts: {
      spam: status(receipt.spamVerdict),
      virus: status(receipt.virusVerdict),
      spf: status(receipt.spfVerdict),
      dkim: status(receipt.dkimVerdict),
      dmarc: status(receipt.dmarcVerdict),
      dmarcPolicy: text(receipt.dmarcPolicy),
    },
    from,
    stored: { bucket, key },
    mailFrom: text(mail.source),
    dkimDomains,
  };
}

function json(value: string, what: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new MalformedInputError(`${what} is not JSON (${(error as Error).message}).`, { cause: error });
  }
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedInputError(`${what} is not a JSON object.`);
  return value as Json;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function status(verdict: unknown): VerdictStatus {
  if (typeof verdict !== 'object' || verdict === null) return null;
  const value = (verdict as Json).status;
  return typeof value === 'string' && value ? value.toUpperCase() : null;
}
