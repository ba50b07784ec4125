// SES inbound on the product's own template: mail to the RSVP address, sent over SMTP to the
// local listener, is stored in the inbound bucket under the rule's prefix and announced on the
// inbound topic (whose raw subscription feeds the event-requests queue and its consumer; the
// test reads the topic through a queue of its own, since the consumer takes the queue's).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../helpers/api';
import { TopicTap } from '../helpers/topicTap';

const e = () => endpoints();
const sdk = { region: 'us-east-1' };

/** A resource's physical id by its construct path below the stack, as endpoints.json keys it. */
function output(path: string): string {
  const value = e().outputs[`${e().stackName}/${path}`];
  if (!value) throw new Error(`endpoints.json has no output ${e().stackName}/${path}`);
  return value;
}

async function send(to: string, subject: string, text: string) {
  const [host, port] = e().smtp.split(':');
  const transport = createTransport({ host, port: Number(port), secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ from: 'Guest <guest@example.org>', to, subject, text });
  } finally {
    transport.close();
  }
}

describe('SES inbound mail (local SMTP listener)', () => {
  it('stores mail for the RSVP address in the inbound bucket and announces it on the inbound topic', async () => {
    const recipient = e().outputs.RsvpEmail;
    expect(recipient).toMatch(/^rsvp@/);
    const tap = await TopicTap.subscribe(e(), output('Messaging/InboundMail'));
    const subject = `Accepted: lunch ${crypto.randomUUID()}`;
    let notification: any;
    try {
      const sent = await send(recipient, subject, 'See you there.');
      expect(sent.accepted).toEqual([recipient]);
      notification = (await tap.next('the SES notification', (body) => body.mail?.commonHeaders?.subject === subject)).body;
    } finally {
      await tap.close();
    }
    expect(notification.notificationType).toBe('Received');
    expect(notification.receipt.recipients).toEqual([recipient]);
    expect(notification.receipt.action).toMatchObject({ type: 'S3', bucketName: e().outputs.InboundBucketName });
    for (const verdict of ['spamVerdict', 'virusVerdict', 'spfVerdict', 'dkimVerdict', 'dmarcVerdict']) {
      expect(notification.receipt[verdict].status, verdict).toMatch(/^(PASS|FAIL|GRAY|PROCESSING_FAILED|DISABLED)$/);
    }

    const s3 = new S3Client({ ...sdk, endpoint: e().aws.s3, credentials: e().credentials });
    const { objectKey, bucketName } = notification.receipt.action;
    expect(objectKey).toMatch(/^inbound\//);
    const stored = await (await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: objectKey }))).Body!.transformToString();
    expect(stored).toContain(`Subject: ${subject}`);
    expect(stored).toContain('See you there.');
  });

  it('refuses mail for an address no receipt rule covers', async () => {
    await expect(send('nobody@elsewhere.example', 'Hello', 'x')).rejects.toThrow(/550|Recipient|rejected/i);
  });
});
