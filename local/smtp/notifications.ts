// The shapes SES sends when it receives mail: the `mail` and `receipt` objects, the SNS
// notification (`notificationType: "Received"`, with `content` for the SNS action only), the
// Lambda event, and the trace headers SES puts on top of a stored message.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-examples.html
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html
import type { CommonHeaders, MailHeader } from './mailHeaders';
import type { LambdaAction } from './options';
import type { AuthenticationDetails, Connection, Verdicts } from './verdicts';

/** Subject of SES's receipt notifications (the Lambda event page's SNS example). */
export const SNS_SUBJECT = 'Amazon SES Email Receipt Notification';
/** `mail.headers` stops at 10 KB of headers and says so in `headersTruncated` (notifications-contents). */
export const MAX_NOTIFICATION_HEADER_BYTES = 10 * 1024;

export type MailObject = {
  timestamp: string;
  source: string;
  messageId: string;
  destination: string[];
  headersTruncated: boolean;
  headers: MailHeader[];
  commonHeaders: CommonHeaders;
};

export type ReceiptActionObject =
  | { type: 'S3'; topicArn?: string; bucketName: string; objectKeyPrefix?: string; objectKey: string }
  | { type: 'SNS'; topicArn: string; encoding: 'UTF8' | 'BASE64' }
  | { type: 'Lambda'; functionArn: string; invocationType: LambdaAction['invocationType']; topicArn?: string }
  | { type: 'Bounce'; topicArn?: string; smtpReplyCode: string; statusCode?: string; message: string; sender: string }
  | { type: 'Stop'; topicArn?: string };

export type ReceiptObject = {
  timestamp: string;
  processingTimeMillis: number;
  recipients: string[];
  spamVerdict?: { status: string };
  virusVerdict?: { status: string };
  spfVerdict: { status: string };
  dkimVerdict: { status: string };
  dmarcVerdict: { status: string };
  dmarcPolicy?: string;
  action: ReceiptActionObject;
};

export function mailObject(input: {
  receivedAt: number;
  source: string;
  messageId: string;
  destination: string[];
  headers: MailHeader[];
  commonHeaders: CommonHeaders;
}): MailObject {
  let size = 0;
  const headers: MailHeader[] = [];
  let headersTruncated = false;
  for (const header of input.headers) {
    size += Buffer.byteLength(`${header.name}: ${header.value}\r\n`);
    if (size > MAX_NOTIFICATION_HEADER_BYTES) {
      headersTruncated = true;
      break;
    }
    headers.push(header);
  }
  return {
    timestamp: new Date(input.receivedAt).toISOString(),
    source: input.source,
    messageId: input.messageId,
    destination: input.destination,
    headersTruncated,
    headers,
    commonHeaders: input.commonHeaders,
  };
}

/**
 * The receipt object for one action. Spam and virus verdicts are there only when the rule
 * scans (ScanEnabled): SES says it reports the scan "if the receipt rule that matched an
 * email is scan enabled" (receiving-email-concepts.html); left out otherwise.
 */
export function receiptObject(input: {
  at: number;
  receivedAt: number;
  recipients: string[];
  verdicts: Verdicts;
  scanned: boolean;
  action: ReceiptActionObject;
}): ReceiptObject {
  const v = input.verdicts;
  return {
    timestamp: new Date(input.at).toISOString(),
    processingTimeMillis: Math.max(0, input.at - input.receivedAt),
    recipients: input.recipients,
    ...(input.scanned ? { spamVerdict: { status: v.spam }, virusVerdict: { status: v.virus } } : {}),
    spfVerdict: { status: v.spf },
    dkimVerdict: { status: v.dkim },
    dmarcVerdict: { status: v.dmarc },
    ...(v.dmarc === 'FAIL' && v.dmarcPolicy ? { dmarcPolicy: v.dmarcPolicy } : {}),
    action: input.action,
  };
}

/** An SNS notification's Message: `content` only for the SNS action, in its encoding. */
export function snsNotification(mail: MailObject, receipt: ReceiptObject, content?: { raw: Buffer; encoding: 'UTF-8' | 'Base64' }) {
  return {
    notificationType: 'Received',
    mail,
    receipt,
    ...(content ? { content: content.encoding === 'Base64' ? content.raw.toString('base64') : content.raw.toString('utf8') } : {}),
  };
}

export function lambdaEvent(mail: MailObject, receipt: ReceiptObject) {
  return { Records: [{ eventSource: 'aws:ses', eventVersion: '1.0', ses: { mail, receipt } }] };
}

/**
 * The headers SES puts on top of a message before storing or publishing it: Return-Path,
 * Received (its SMTP id is the message id), the scan verdicts when scanned, Received-SPF and
 * Authentication-Results. X-SES-RECEIPT and X-SES-DKIM-SIGNATURE are left out: they are
 * SES's own signatures, which nothing local could check.
 * Real examples: the Lambda event page; https://github.com/mozilla/fx-private-relay/pull/1486 ;
 * https://github.com/sisimai/rb-sisimai/issues/77
 */
export function sesTraceHeaders(input: {
  messageId: string;
  connection: Connection;
  firstRecipient: string;
  receivedAt: number;
  mta: string;
  verdicts: Verdicts;
  details: AuthenticationDetails;
  scanned: boolean;
}): MailHeader[] {
  const { connection: c, verdicts: v, details: d } = input;
  const spf = v.spf === 'PROCESSING_FAILED' ? 'temperror' : v.spf === 'GRAY' ? 'none' : v.spf.toLowerCase();
  const spfText = `${spf} (spfCheck: ${d.spfComment || describeSpf(spf, c)}) client-ip=${c.ip}; envelope-from=${c.sender}; helo=${c.helo};`;
  const dkim = v.dkim === 'GRAY' ? 'none' : v.dkim === 'PROCESSING_FAILED' ? 'temperror' : v.dkim.toLowerCase();
  const dmarc = v.dmarc === 'GRAY' ? 'none' : v.dmarc === 'PROCESSING_FAILED' ? 'temperror' : v.dmarc.toLowerCase();
  const date = new Date(input.receivedAt).toUTCString().replace('GMT', '+0000 (UTC)');
  return [
    { name: 'Return-Path', value: `<${c.sender}>` },
    {
      name: 'Received',
      value: `from ${c.helo} (${c.helo} [${c.ip}])\r\n by ${input.mta} with SMTP id ${input.messageId}\r\n for ${input.firstRecipient};\r\n ${date}`,
    },
    ...(input.scanned ? [{ name: 'X-SES-Spam-Verdict', value: v.spam }, { name: 'X-SES-Virus-Verdict', value: v.virus }] : []),
    { name: 'Received-SPF', value: spfText },
    {
      name: 'Authentication-Results',
      value:
        `amazonses.com;\r\n spf=${spfText}\r\n dkim=${dkim}${d.dkimDomain ? ` header.i=@${d.dkimDomain}` : ''};\r\n` +
        ` dmarc=${dmarc}${d.fromDomain ? ` header.from=${d.fromDomain}` : ''};`,
    },
  ];
}

function describeSpf(result: string, c: Connection): string {
  const domain = c.sender.slice(c.sender.lastIndexOf('@') + 1) || c.helo;
  return result === 'pass' ? `domain of ${domain} designates ${c.ip} as permitted sender` : `${c.ip} is not designated by domain of ${domain}`;
}
