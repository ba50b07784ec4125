// SES receipt notifications and raw messages as the inbound path produces them, for the
// ingestion tests: the notification's shape follows local/smtp/notifications.ts (which
// follows SES's documented examples), the messages are composed by nodemailer.
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

export const REQUESTS = 'requests@calendar.example';
export const RSVP = 'rsvp@calendar.example';
export const INBOUND_BUCKET = 'inbound-bucket';
export const EVENT_ID = '3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f';
export const SES_MESSAGE_ID = 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1';

type Overrides = {
  recipients?: string[];
  from?: string[];
  verdicts?: Partial<Record<'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', string | null>>;
  dmarcPolicy?: string;
  bucket?: string;
  messageId?: string;
};

/** SES's notification (raw delivery) for a message the S3 action stored. */
export function notification(o: Overrides = {}): Record<string, unknown> {
  const messageId = o.messageId ?? SES_MESSAGE_ID;
  const v = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', ...o.verdicts };
  const verdict = (status: string | null) => (status === null ? undefined : { status });
  return {
    notificationType: 'Received',
    mail: {
      timestamp: '2030-01-01T09:00:00.000Z',
      source: 'ada@example.org',
      messageId,
      destination: o.recipients ?? [REQUESTS],
      headersTruncated: false,
      headers: [{ name: 'From', value: (o.from ?? ['Ada <ada@example.org>']).join(', ') }],
      commonHeaders: { from: o.from ?? ['Ada <ada@example.org>'], to: o.recipients ?? [REQUESTS], subject: 'Guests' },
    },
    receipt: {
      timestamp: '2030-01-01T09:00:00.100Z',
      processingTimeMillis: 100,
      recipients: o.recipients ?? [REQUESTS],
      spamVerdict: verdict(v.spam),
      virusVerdict: verdict(v.virus),
      spfVerdict: verdict(v.spf),
      dkimVerdict: verdict(v.dkim),
      dmarcVerdict: verdict(v.dmarc),
      ...(o.dmarcPolicy ? { dmarcPolicy: o.dmarcPolicy } : {}),
      action: { type: 'S3', topicArn: 'arn:aws:sns:us-east-1:000000000000:inbound', bucketName: o.bucket ?? INBOUND_BUCKET, objectKeyPrefix: 'inbound/', objectKey: `inbound/${messageId}` },
    },
  };
}

export const body = (o: Overrides = {}) => JSON.stringify(notification(o));

/** A message as a mail client sends it (MIME bytes). */
export async function rawMessage(options: Mail.Options = {}): Promise<Uint8Array> {
  const raw = await new MailComposer({
    from: 'Ada <ada@example.org>',
    to: REQUESTS,
    subject: `Guests for ${EVENT_ID}`,
    text: 'The list is attached.',
    attachments: [{ filename: 'guests.csv', content: 'email,name\nbob@example.com,Bob\n', contentType: 'text/csv' }],
    ...options,
  })
    .compile()
    .build();
  return new Uint8Array(raw);
}
