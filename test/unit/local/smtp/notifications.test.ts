// The payloads SES sends for received mail, checked field by field against the documented
// examples: https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html ,
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-examples.html ,
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html
import { describe, expect, it } from 'vitest';
import { lambdaEvent, mailObject, receiptObject, sesTraceHeaders, snsNotification } from '../../../../local/smtp/notifications';
import type { Verdicts } from '../../../../local/smtp/verdicts';

const receivedAt = Date.UTC(2030, 8, 11, 20, 32, 33, 936);
const verdicts: Verdicts = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' };
const mail = mailObject({
  receivedAt,
  source: 'sender@example.com',
  messageId: 'd6iitobk75ur44p8kdnnp7g2n800',
  destination: ['recipient@example.com'],
  headers: [
    { name: 'From', value: 'sender@example.com' },
    { name: 'Subject', value: 'Example subject' },
  ],
  commonHeaders: { returnPath: 'sender@example.com', from: ['sender@example.com'], to: ['recipient@example.com'], subject: 'Example subject' },
});

describe('mail object', () => {
  it('has timestamp, source, messageId, destination, headersTruncated, headers and commonHeaders', () => {
    expect(mail).toEqual({
      timestamp: '2030-09-11T20:32:33.936Z',
      source: 'sender@example.com',
      messageId: 'd6iitobk75ur44p8kdnnp7g2n800',
      destination: ['recipient@example.com'],
      headersTruncated: false,
      headers: [
        { name: 'From', value: 'sender@example.com' },
        { name: 'Subject', value: 'Example subject' },
      ],
      commonHeaders: { returnPath: 'sender@example.com', from: ['sender@example.com'], to: ['recipient@example.com'], subject: 'Example subject' },
    });
  });

  it('truncates headers past 10 KB and says so', () => {
    const many = mailObject({ ...{ receivedAt, source: 's', messageId: 'm', destination: [], commonHeaders: {} }, headers: Array.from({ length: 200 }, (_, i) => ({ name: `X-H${i}`, value: 'v'.repeat(100) })) });
    expect(many.headersTruncated).toBe(true);
    expect(many.headers.length).toBeLessThan(200);
  });
});

describe('receipt object', () => {
  it('carries recipients, the five verdicts and the action, with the processing time', () => {
    const receipt = receiptObject({ at: receivedAt + 222, receivedAt, recipients: ['recipient@example.com'], verdicts, scanned: true, action: { type: 'SNS', topicArn: 'arn:aws:sns:us-east-1:012345678912:example-topic', encoding: 'UTF8' } });
    expect(receipt).toEqual({
      timestamp: '2030-09-11T20:32:34.158Z',
      processingTimeMillis: 222,
      recipients: ['recipient@example.com'],
      spamVerdict: { status: 'PASS' },
      virusVerdict: { status: 'PASS' },
      spfVerdict: { status: 'PASS' },
      dkimVerdict: { status: 'PASS' },
      dmarcVerdict: { status: 'GRAY' },
      action: { type: 'SNS', topicArn: 'arn:aws:sns:us-east-1:012345678912:example-topic', encoding: 'UTF8' },
    });
  });

  it('gives dmarcPolicy only when DMARC failed, and no scan verdicts for rules that do not scan', () => {
    const failed = receiptObject({ at: receivedAt, receivedAt, recipients: [], verdicts: { ...verdicts, dmarc: 'FAIL', dmarcPolicy: 'reject' }, scanned: false, action: { type: 'Stop' } });
    expect(failed.dmarcPolicy).toBe('reject');
    expect(failed).not.toHaveProperty('spamVerdict');
    expect(failed).not.toHaveProperty('virusVerdict');
  });
});

describe('notifications and events', () => {
  const receipt = receiptObject({ at: receivedAt, receivedAt, recipients: ['recipient@example.com'], verdicts, scanned: true, action: { type: 'Lambda', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:IncomingEmail', invocationType: 'Event' } });

  it('gives the SNS action the raw message as content, in UTF-8 or base64', () => {
    const raw = Buffer.from('Subject: caf\u00e9\r\n\r\nbody\r\n');
    expect(snsNotification(mail, receipt, { raw, encoding: 'UTF-8' }).content).toBe('Subject: café\r\n\r\nbody\r\n');
    expect(snsNotification(mail, receipt, { raw, encoding: 'Base64' }).content).toBe(raw.toString('base64'));
    expect(Object.keys(snsNotification(mail, receipt))).toEqual(['notificationType', 'mail', 'receipt']);
    expect(snsNotification(mail, receipt).notificationType).toBe('Received');
  });

  it('wraps mail and receipt for Lambda as Records[].ses, without the body', () => {
    expect(lambdaEvent(mail, receipt)).toEqual({ Records: [{ eventSource: 'aws:ses', eventVersion: '1.0', ses: { mail, receipt } }] });
  });

  it('writes the trace headers SES puts on top of the message', () => {
    const headers = sesTraceHeaders({
      messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
      connection: { ip: '203.0.113.0', helo: 'smtp.example.com', sender: 'sender@example.com' },
      firstRecipient: 'recipient@example.com',
      receivedAt,
      mta: 'inbound-smtp.us-east-1.amazonaws.com',
      verdicts,
      details: { spfComment: 'domain of example.com designates 203.0.113.0 as permitted sender', dkimDomain: 'example.com', fromDomain: 'example.com' },
      scanned: true,
    });
    expect(headers.map((h) => h.name)).toEqual(['Return-Path', 'Received', 'X-SES-Spam-Verdict', 'X-SES-Virus-Verdict', 'Received-SPF', 'Authentication-Results']);
    expect(headers[1]!.value.replace(/\r\n/g, '')).toBe(
      'from smtp.example.com (smtp.example.com [203.0.113.0]) by inbound-smtp.us-east-1.amazonaws.com with SMTP id o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1 for recipient@example.com; Wed, 11 Sep 2030 20:32:33 +0000 (UTC)',
    );
    expect(headers[4]!.value).toBe(
      'pass (spfCheck: domain of example.com designates 203.0.113.0 as permitted sender) client-ip=203.0.113.0; envelope-from=sender@example.com; helo=smtp.example.com;',
    );
    expect(headers[5]!.value.replace(/\r\n/g, '')).toBe(
      'amazonses.com; spf=pass (spfCheck: domain of example.com designates 203.0.113.0 as permitted sender) client-ip=203.0.113.0; envelope-from=sender@example.com; helo=smtp.example.com; dkim=pass header.i=@example.com; dmarc=none header.from=example.com;',
    );
  });
});
