// The JSON SES publishes about a sent message: event records for configuration-set event
// destinations (`eventType`, mail.tags) and identity notifications (`notificationType`,
// mail.sourceIp and callerIdentity, no tags, no Send events).
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html ;
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html ;
// https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html ;
// https://docs.aws.amazon.com/ses/latest/dg/notification-examples.html
import addressparser from 'nodemailer/lib/addressparser';
import { decodeWords } from './mimeDecode';
import { headerOf, type MimeHeader } from './mimeTree';

/** "headersTruncated ... which occurs if the headers are larger than 10 KB" (event-publishing-retrieving-sns-contents.html). */
export const MAX_EVENT_HEADER_BYTES = 10 * 1024;

export type SesMail = {
  timestamp: string;
  messageId: string;
  source: string;
  sourceArn: string;
  sourceIp: string;
  sendingAccountId: string;
  callerIdentity: string;
  destination: string[];
  headers: MimeHeader[];
  /** For messages SES composed (Simple, templates): its own id; otherwise the Message-ID header. */
  commonMessageId?: string;
  configurationSetName?: string;
  tags: Record<string, string>;
};

export type BounceDetail = {
  bounceType: 'Permanent' | 'Transient' | 'Undetermined';
  bounceSubType: 'General' | 'NoEmail' | 'Suppressed' | 'OnAccountSuppressionList' | 'MailboxFull' | 'MessageTooLarge' | 'ContentRejected' | 'AttachmentRejected' | 'Undetermined';
  bouncedRecipients: { emailAddress: string; action?: string; status?: string; diagnosticCode?: string }[];
  timestamp: string;
  feedbackId: string;
  reportingMTA?: string;
};

export type ComplaintDetail = {
  complainedRecipients: { emailAddress: string }[];
  timestamp: string;
  feedbackId: string;
  complaintSubType: string | null;
  userAgent?: string;
  complaintFeedbackType?: string;
  arrivalDate?: string;
};

export type DeliveryDetail = {
  timestamp: string;
  processingTimeMillis: number;
  recipients: string[];
  smtpResponse: string;
  reportingMTA: string;
  remoteMtaIp?: string;
};

export type SesEvent =
  | { type: 'Send' }
  | { type: 'Delivery'; delivery: DeliveryDetail }
  | { type: 'Bounce'; bounce: BounceDetail }
  | { type: 'Complaint'; complaint: ComplaintDetail };

/** An event record for a configuration set's event destination. */
export function eventRecord(mail: SesMail, event: SesEvent, outgoingIp: string): Record<string, unknown> {
  const tags: Record<string, string[]> = {};
  if (mail.configurationSetName) tags['ses:configuration-set'] = [mail.configurationSetName];
  tags['ses:source-ip'] = [mail.sourceIp];
  tags['ses:from-domain'] = [domainOf(mail.source)];
  tags['ses:caller-identity'] = [mail.callerIdentity];
  if (event.type === 'Delivery') tags['ses:outgoing-ip'] = [outgoingIp];
  for (const [name, value] of Object.entries(mail.tags)) tags[name] = [value];
  const record: Record<string, unknown> = {
    eventType: event.type,
    mail: {
      timestamp: mail.timestamp,
      source: mail.source,
      sourceArn: mail.sourceArn,
      sendingAccountId: mail.sendingAccountId,
      messageId: mail.messageId,
      destination: mail.destination,
      ...headerFields(mail),
      tags,
    },
  };
  return withDetail(record, event);
}

/** An identity notification (SetIdentityNotificationTopic); there are none for Send. */
export function identityNotification(mail: SesMail, event: Exclude<SesEvent, { type: 'Send' }>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    notificationType: event.type,
    mail: {
      timestamp: mail.timestamp,
      messageId: mail.messageId,
      source: mail.source,
      sourceArn: mail.sourceArn,
      sourceIp: mail.sourceIp,
      callerIdentity: mail.callerIdentity,
      sendingAccountId: mail.sendingAccountId,
      destination: mail.destination,
      ...headerFields(mail),
    },
  };
  return withDetail(record, event);
}

function withDetail(record: Record<string, unknown>, event: SesEvent): Record<string, unknown> {
  switch (event.type) {
    case 'Send':
      record.send = {};
      break;
    case 'Delivery':
      record.delivery = event.delivery;
      break;
    case 'Bounce':
      record.bounce = event.bounce;
      break;
    case 'Complaint':
      record.complaint = event.complaint;
      break;
  }
  return record;
}

/** headersTruncated, headers and commonHeaders (from, to, cc, bcc, replyTo, date, messageId, subject). */
function headerFields(mail: SesMail) {
  const size = mail.headers.reduce((sum, h) => sum + Buffer.byteLength(h.name) + Buffer.byteLength(h.value) + 4, 0);
  const truncated = size > MAX_EVENT_HEADER_BYTES;
  const common: Record<string, unknown> = {};
  const list = (name: string) => {
    const value = headerOf(mail.headers, name);
    return value === undefined ? undefined : addresses(value);
  };
  const from = list('from');
  if (from) common.from = from;
  const date = headerOf(mail.headers, 'date');
  if (date) common.date = date;
  for (const [key, name] of [['to', 'to'], ['cc', 'cc'], ['bcc', 'bcc'], ['replyTo', 'reply-to']] as const) {
    const value = list(name);
    if (value) common[key] = value;
  }
  const messageId = mail.commonMessageId ?? headerOf(mail.headers, 'message-id');
  if (messageId) common.messageId = messageId;
  const subject = headerOf(mail.headers, 'subject');
  if (subject !== undefined) common.subject = decodeWords(subject);
  return truncated ? { headersTruncated: true, commonHeaders: common } : { headersTruncated: false, headers: mail.headers, commonHeaders: common };
}

/** An address list header as SES lists it: one string per address, display names kept. */
export function addresses(value: string): string[] {
  return addressparser(decodeWords(value), { flatten: true }).map((a) =>
    a.name ? `${/[",;<>@()]/.test(a.name) ? JSON.stringify(a.name) : a.name} <${a.address}>` : a.address,
  );
}

export function domainOf(address: string): string {
  const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
  return bare.slice(bare.lastIndexOf('@') + 1).toLowerCase();
}
