// What subscribers receive, against the documented formats:
// https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html
// https://docs.aws.amazon.com/sns/latest/dg/http-subscription-confirmation-json.html
// https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
// and signatures as a subscriber verifies them:
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html
import { X509Certificate, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { confirmationJson, lambdaEvent, notificationJson, type Notification, type SigningContext } from '../../../../local/sns/envelope';
import { MessageSigner, stringToSign } from '../../../../local/sns/signing';

const signer = MessageSigner.create(new Date('2030-01-01T00:00:00Z'));
const ctx = (version: '1' | '2' = '1'): SigningContext => ({
  signer,
  version,
  signingCertUrl: `http://127.0.0.1:1/${signer.certificateFileName}`,
  unsubscribeUrl: (arn) => `http://127.0.0.1:1/?Action=Unsubscribe&SubscriptionArn=${arn}`,
});
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:MyTopic';
const SUB = `${TOPIC}:c9135db0-26c4-47ec-8998-413945fb5a96`;
const notification: Notification = {
  messageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  topicArn: TOPIC,
  subject: 'My First Message',
  timestamp: '2012-05-02T00:54:06.655Z',
  attributes: { store: { DataType: 'String', StringValue: 'fans' }, bin: { DataType: 'Binary', BinaryValue: new Uint8Array([2, 3, 4]) } },
};

/** What a subscriber does: rebuild the string to sign and check it with the certificate's key. */
function verifies(message: Record<string, unknown>): boolean {
  const cert = new X509Certificate(signer.certificatePem);
  const algorithm = message.SignatureVersion === '2' ? 'sha256' : 'sha1';
  const fields = message as Parameters<typeof stringToSign>[0];
  return verify(algorithm, Buffer.from(stringToSign(fields)), cert.publicKey, Buffer.from(String(message.Signature), 'base64'));
}

describe('the JSON notification (SQS and HTTP/S)', () => {
  it('has the documented keys in AWS’s order, attributes as {Type, Value}, binary in base64', () => {
    const json = notificationJson(notification, 'Hello world!', SUB, ctx());
    expect(Object.keys(json)).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Subject',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
      'MessageAttributes',
    ]);
    expect(json).toMatchObject({
      Type: 'Notification',
      Message: 'Hello world!',
      SignatureVersion: '1',
      UnsubscribeURL: `http://127.0.0.1:1/?Action=Unsubscribe&SubscriptionArn=${SUB}`,
      MessageAttributes: { store: { Type: 'String', Value: 'fans' }, bin: { Type: 'Binary', Value: 'AgME' } },
    });
  });

  it('leaves out Subject and MessageAttributes when the message has none', () => {
    const json = notificationJson({ ...notification, subject: undefined, attributes: {} }, 'x', SUB, ctx());
    expect(json).not.toHaveProperty('Subject');
    expect(json).not.toHaveProperty('MessageAttributes');
  });

  it('is signed so that a subscriber can verify it, with SHA1withRSA (version 1) or SHA256withRSA (version 2)', () => {
    expect(verifies(notificationJson(notification, 'Hello world!', SUB, ctx('1')))).toBe(true);
    const v2 = notificationJson(notification, 'Hello world!', SUB, ctx('2'));
    expect(v2.SignatureVersion).toBe('2');
    expect(verifies(v2)).toBe(true);
    expect(verifies({ ...v2, Message: 'tampered' })).toBe(false);
  });

  it('signs Message, MessageId, Subject (when present), Timestamp, TopicArn, Type as name/value lines', () => {
    expect(stringToSign({ Type: 'Notification', MessageId: 'm', TopicArn: 't', Message: 'x', Timestamp: 'ts' })).toBe(
      'Message\nx\nMessageId\nm\nTimestamp\nts\nTopicArn\nt\nType\nNotification\n',
    );
  });

  it('carries SequenceNumber and no signature for FIFO topics (as recorded from AWS)', () => {
    const json = notificationJson({ ...notification, subject: undefined, attributes: {}, sequenceNumber: '00000000000000000001' }, 'x', SUB, ctx());
    expect(Object.keys(json)).toEqual(['Type', 'MessageId', 'SequenceNumber', 'TopicArn', 'Message', 'Timestamp', 'UnsubscribeURL']);
  });
});

describe('the Lambda event', () => {
  it('wraps the notification in Records with the Lambda spellings SigningCertUrl / UnsubscribeUrl', () => {
    const event = lambdaEvent({ ...notification, subject: undefined, attributes: {} }, 'Hello from SNS!', SUB, ctx());
    expect(event.Records).toHaveLength(1);
    const record = event.Records[0]!;
    expect(record).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: SUB });
    expect(record.Sns).toMatchObject({ Type: 'Notification', Subject: null, Message: 'Hello from SNS!', MessageAttributes: {}, TopicArn: TOPIC });
    expect(record.Sns).toHaveProperty('SigningCertUrl', ctx().signingCertUrl);
    expect(record.Sns).toHaveProperty('UnsubscribeUrl');
    expect(record.Sns).not.toHaveProperty('SigningCertURL');
    expect(verifies({ ...record.Sns, Subject: undefined })).toBe(true);
  });
});

describe('the subscription confirmation', () => {
  it('has the documented fields, message and a verifiable signature over SubscribeURL and Token', () => {
    const json = confirmationJson(
      {
        type: 'SubscriptionConfirmation',
        messageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
        topicArn: TOPIC,
        subscriptionArn: SUB,
        token: 'abc123',
        subscribeUrl: `http://127.0.0.1:1/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=abc123`,
        timestamp: '2012-04-26T20:45:04.751Z',
      },
      ctx(),
    );
    expect(Object.keys(json)).toEqual(['Type', 'MessageId', 'Token', 'TopicArn', 'Message', 'SubscribeURL', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL']);
    expect(json.Message).toBe(`You have chosen to subscribe to the topic ${TOPIC}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`);
    expect(verifies(json)).toBe(true);
  });
});
