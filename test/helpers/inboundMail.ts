// Mail into the local stack's SES inbound, as the integration tests send it: over SMTP to the
// listener, with SES's verdicts in the local header (it stands in for the DNS records an
// offline listener cannot look up; the listener takes it out before storing the message),
// then waiting until requestIngestion has finished with the message.
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { VERDICT_HEADER } from '../../local/smtp/verdicts';
import { endpoints } from './api';

/** What mail from a domain with SPF, DKIM and DMARC in order gets from SES. */
export const AUTHENTICATED = 'spf=PASS; dkim=PASS; dmarc=PASS; spam=PASS; virus=PASS';

/** Sends a message (composed, or `raw` with an `envelope`) over SMTP; resolves to SES's message id (the 250 answer's). */
export async function sendInbound(message: Mail.Options, verdicts = AUTHENTICATED): Promise<string> {
  const [host, port] = endpoints().smtp.split(':');
  const transport = createTransport({ host, port: Number(port), secure: false, ignoreTLS: true });
  const withVerdicts: Mail.Options =
    typeof message.raw === 'string' ? { ...message, raw: `${VERDICT_HEADER}: ${verdicts}\r\n${message.raw}` } : { headers: { [VERDICT_HEADER]: verdicts }, ...message };
  try {
    const sent = await transport.sendMail(withVerdicts);
    return String(sent.response).trim().split(/\s+/).pop()!;
  } finally {
    transport.close();
  }
}

export async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The message was received (stored in the inbound bucket) and the event-requests queue has
 * nothing left, visible or in flight: requestIngestion has finished with it. A message it
 * wrongly retried would stay in flight and time this out.
 */
export async function settled(sesMessageId: string): Promise<void> {
  const e = endpoints();
  const sdk = { region: e.region, credentials: e.credentials };
  const s3 = new S3Client({ ...sdk, endpoint: e.aws.s3, forcePathStyle: true });
  await until(
    'the stored message',
    () => s3.send(new HeadObjectCommand({ Bucket: e.outputs.InboundBucketName, Key: `inbound/${sesMessageId}` })).then(() => true, () => false),
    Boolean,
  );
  const queueUrl = e.outputs[`${e.stackName}/Messaging/EventRequests`];
  if (!queueUrl) throw new Error(`endpoints.json has no output ${e.stackName}/Messaging/EventRequests`);
  const sqs = new SQSClient({ ...sdk, endpoint: e.aws.sqs });
  const pending = async () => {
    const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  };
  // The topic's delivery follows the stored object: give it a moment, then wait for the queue to empty twice in a row.
  await new Promise((r) => setTimeout(r, 500));
  await until('the event-requests queue to drain', async () => (await pending()) + (await new Promise((r) => setTimeout(r, 300)).then(pending)), (n) => n === 0);
}
