// Message signatures a subscriber can verify: SNS signs each notification, subscription
// confirmation and unsubscribe confirmation with RSA and publishes the certificate at
// SigningCertURL. The local service makes its own key and self-signed certificate (per
// process) and serves the PEM from its HTTP server.
// String to sign: for Notification the pairs Message, MessageId, Subject (only if present),
// Timestamp, TopicArn, Type; for SubscriptionConfirmation and UnsubscribeConfirmation
// Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type; each as
// "Name\nvalue\n", in that (byte) order. SignatureVersion 1 is SHA1withRSA, 2 SHA256withRSA,
// base64-encoded. https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html ;
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export type SignatureVersion = '1' | '2';

export type SignedFields = {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
};

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

const CERTIFICATE_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/** The text SNS signs for a message (and a subscriber rebuilds to verify it). */
export function stringToSign(fields: SignedFields): string {
  const names = fields.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  let text = '';
  for (const name of names) {
    const value = fields[name];
    if (value === undefined) continue;
    text += `${name}\n${value}\n`;
  }
  return text;
}

export class MessageSigner {
  /** PEM of the certificate served at the SigningCertURL. */
  readonly certificatePem: string;
  /** `SimpleNotificationService-<hash>.pem`, the file name SNS uses for its certificates. */
  readonly certificateFileName: string;

  private constructor(
    private readonly key: KeyObject,
    certificatePem: string,
  ) {
    this.certificatePem = certificatePem;
    this.certificateFileName = `SimpleNotificationService-${createHash('sha256').update(certificatePem).digest('hex').slice(0, 32)}.pem`;
  }

  /** A new RSA key (Node's generator: forge's is seconds slower) and a self-signed certificate for it. */
  static create(now: Date): MessageSigner {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forgePublic = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const forgePrivate = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const cert = forge.pki.createCertificate();
    cert.publicKey = forgePublic;
    cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
    cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
    cert.validity.notAfter = new Date(now.getTime() + CERTIFICATE_VALIDITY_MS);
    const subject = [
      { name: 'commonName', value: 'sns.local' },
      { name: 'organizationName', value: 'Calendar Invite Server (local SNS signing certificate)' },
    ];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
    ]);
    cert.sign(forgePrivate, forge.md.sha256.create());
    return new MessageSigner(privateKey, forge.pki.certificateToPem(cert));
  }

  /** Base64 signature of the message's string to sign. */
  sign(fields: SignedFields, version: SignatureVersion): string {
    const algorithm = version === '2' ? 'sha256' : 'sha1';
    return sign(algorithm, Buffer.from(stringToSign(fields), 'utf8'), this.key).toString('base64');
  }
}
