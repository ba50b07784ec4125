// What SES sends through LocalServices for a received message: the S3 action's object and
// topic notification, the SNS action's notification with the content, and the Lambda event,
// each as documented. https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRaw, FUNCTION, rule, ruleSet, startSmtp, TOPIC, type SmtpHarness } from './harness';

let h: SmtpHarness;
const STORED_TOPIC = 'arn:aws:sns:us-east-1:000000000000:Stored';
const BASE64_TOPIC = 'arn:aws:sns:us-east-1:000000000000:Raw64';
let raw: Buffer;

beforeAll(async () => {
  h = await startSmtp({
    ruleSets: [
      ruleSet(
        'InboundRules',
        rule('rsvp', ['rsvp@invites.example.com'], [
          { type: 'S3', bucketName: 'inbound-mail', objectKeyPrefix: 'emails/', topicArn: STORED_TOPIC },
          { type: 'SNS', topicArn: TOPIC, encoding: 'UTF-8' },
          { type: 'SNS', topicArn: BASE64_TOPIC, encoding: 'Base64' },
          { type: 'Lambda', functionArn: FUNCTION, invocationType: 'Event' },
        ]),
      ),
    ],
  });
  raw = await composeRaw({
    from: '"Lovelace, Ada" <ada@example.org>',
    to: 'RSVP <rsvp@invites.example.com>',
    cc: 'ops@invites.example.com',
    subject: 'Accepted: Launch party',
    text: 'See you there.',
    messageId: '<reply-1@example.org>',
    date: new Date(Date.UTC(2030, 0, 2, 10, 0, 0)),
  });
  // ops@ is in Cc but not covered by the rule: SES refuses it and takes the message for rsvp@.
  await h.transport.sendMail({ envelope: { from: 'bounces@example.org', to: ['rsvp@invites.example.com'] }, raw });
  await h.smtp.settled();
});
afterAll(() => h.stop());

type Notification = { notificationType: string; mail: Record<string, any>; receipt: Record<string, any>; content?: string };

describe('received-mail notifications', () => {
  it('stores the message under the prefix and the SES message id, and says so on the S3 action topic', () => {
    const [key] = [...h.services.objects.keys()];
    const messageId = key!.slice('inbound-mail/emails/'.length);
    expect(messageId).toMatch(/^[a-z0-9]{40}$/);
    const [note] = h.services.publishedJson(STORED_TOPIC) as Notification[];
    expect(Object.keys(note!)).toEqual(['notificationType', 'mail', 'receipt']);
    expect(note!.receipt.action).toEqual({ type: 'S3', topicArn: STORED_TOPIC, bucketName: 'inbound-mail', objectKeyPrefix: 'emails/', objectKey: `emails/${messageId}` });
    expect(note!.mail.messageId).toBe(messageId);
    expect(h.services.published.every((p) => p.message.subject === 'Amazon SES Email Receipt Notification')).toBe(true);
  });

  it('describes the mail with envelope source, header destinations, SES headers first and commonHeaders', () => {
    const [note] = h.services.publishedJson(TOPIC) as Notification[];
    expect(note!.mail).toMatchObject({
      source: 'bounces@example.org',
      destination: ['rsvp@invites.example.com', 'ops@invites.example.com'],
      headersTruncated: false,
      commonHeaders: {
        returnPath: 'bounces@example.org',
        from: ['"Lovelace, Ada" <ada@example.org>'],
        to: ['RSVP <rsvp@invites.example.com>'],
        cc: ['ops@invites.example.com'],
        messageId: '<reply-1@example.org>',
        date: 'Wed, 02 Jan 2030 10:00:00 +0000',
        subject: 'Accepted: Launch party',
      },
    });
    expect(note!.mail.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(note!.mail.headers.slice(0, 6).map((x: { name: string }) => x.name)).toEqual([
      'Return-Path',
      'Received',
      'X-SES-Spam-Verdict',
      'X-SES-Virus-Verdict',
      'Received-SPF',
      'Authentication-Results',
    ]);
    expect(note!.mail.headers.find((x: { name: string }) => x.name === 'Subject').value).toBe('Accepted: Launch party');
  });

  it('gives the receipt: matched recipients, verdicts and the action, UTF8 or BASE64 content for the SNS action', () => {
    const [utf8] = h.services.publishedJson(TOPIC) as Notification[];
    expect(utf8!.receipt).toMatchObject({
      recipients: ['rsvp@invites.example.com'],
      spamVerdict: { status: 'PASS' },
      virusVerdict: { status: 'PASS' },
      spfVerdict: { status: 'GRAY' },
      dkimVerdict: { status: 'GRAY' },
      dmarcVerdict: { status: 'GRAY' },
      action: { type: 'SNS', topicArn: TOPIC, encoding: 'UTF8' },
    });
    expect(utf8!.receipt.processingTimeMillis).toEqual(expect.any(Number));
    expect(utf8!.content!.endsWith(raw.toString('utf8'))).toBe(true);
    expect(utf8!.content!.startsWith('Return-Path: <bounces@example.org>\r\nReceived: from ')).toBe(true);
    const [b64] = h.services.publishedJson(BASE64_TOPIC) as Notification[];
    expect(b64!.receipt.action).toEqual({ type: 'SNS', topicArn: BASE64_TOPIC, encoding: 'BASE64' });
    expect(Buffer.from(b64!.content!, 'base64').toString('utf8')).toBe(utf8!.content);
    expect(h.services.publishedJson(STORED_TOPIC)[0]).not.toHaveProperty('content');
  });

  it('invokes the Lambda action with Records[].ses.{mail, receipt} and no body', () => {
    expect(h.services.invocations).toHaveLength(1);
    const { arn, invocationType, event } = h.services.invocations[0]!;
    expect([arn, invocationType]).toEqual([FUNCTION, 'Event']);
    const record = (event as { Records: Record<string, any>[] }).Records[0]!;
    expect(Object.keys(record)).toEqual(['eventSource', 'eventVersion', 'ses']);
    expect([record.eventSource, record.eventVersion]).toEqual(['aws:ses', '1.0']);
    expect(Object.keys(record.ses)).toEqual(['mail', 'receipt']);
    expect(record.ses.receipt.action).toEqual({ type: 'Lambda', functionArn: FUNCTION, invocationType: 'Event' });
  });
});
