// What each kind of subscriber receives.
// - SQS and HTTP/S without raw delivery: the JSON notification Type, MessageId, TopicArn,
//   Subject (only when set), Message, Timestamp, SignatureVersion, Signature, SigningCertURL,
//   UnsubscribeURL, MessageAttributes (only when any) — in that order, as AWS writes it.
//   https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html ;
//   https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html
//   FIFO topics add SequenceNumber and carry no signature fields (LocalStack's AWS-validated
//   snapshot test_sns.snapshot.json, test_message_to_fifo_sqs).
// - Lambda: {"Records": [{EventVersion, EventSubscriptionArn, EventSource: "aws:sns", Sns}]}
//   where Sns spells SigningCertUrl / UnsubscribeUrl, has Subject null when absent and
//   MessageAttributes {} when none. https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
//   (and the recorded notification in test_python_lambda_subscribe_sns_topic).
// - HTTP/S subscription confirmation and unsubscribe confirmation JSON:
//   https://docs.aws.amazon.com/sns/latest/dg/http-subscription-confirmation-json.html ;
//   https://docs.aws.amazon.com/sns/latest/dg/http-unsubscribe-confirmation-json.html
import { envelopeAttributes, type MessageAttributes } from './messageAttributes';
import type { MessageSigner, SignatureVersion } from './signing';

/** One published message, before it is shaped for a subscriber. */
export type Notification = {
  messageId: string;
  topicArn: string;
  subject?: string;
  /** ISO-8601 with milliseconds, e.g. 2012-05-02T00:54:06.655Z. */
  timestamp: string;
  attributes: MessageAttributes;
  /** FIFO topics only. */
  sequenceNumber?: string;
};

/** How the service signs and where its URLs point. */
export type SigningContext = {
  signer: MessageSigner;
  version: SignatureVersion;
  signingCertUrl: string;
  unsubscribeUrl(subscriptionArn: string): string;
};

export type NotificationJson = Record<string, unknown>;

/** The JSON notification an SQS queue (raw delivery off) or an HTTP/S endpoint receives. */
export function notificationJson(n: Notification, message: string, subscriptionArn: string, ctx: SigningContext): NotificationJson {
  const json: NotificationJson = { Type: 'Notification', MessageId: n.messageId };
  if (n.sequenceNumber !== undefined) json.SequenceNumber = n.sequenceNumber;
  json.TopicArn = n.topicArn;
  if (n.subject !== undefined) json.Subject = n.subject;
  json.Message = message;
  json.Timestamp = n.timestamp;
  if (n.sequenceNumber === undefined) {
    json.SignatureVersion = ctx.version;
    json.Signature = ctx.signer.sign(
      { Type: 'Notification', MessageId: n.messageId, TopicArn: n.topicArn, Subject: n.subject, Message: message, Timestamp: n.timestamp },
      ctx.version,
    );
    json.SigningCertURL = ctx.signingCertUrl;
  }
  json.UnsubscribeURL = ctx.unsubscribeUrl(subscriptionArn);
  if (Object.keys(n.attributes).length > 0) json.MessageAttributes = envelopeAttributes(n.attributes);
  return json;
}

/** The event a Lambda subscriber is invoked with (asynchronously). */
export function lambdaEvent(n: Notification, message: string, subscriptionArn: string, ctx: SigningContext) {
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        EventSource: 'aws:sns',
        Sns: {
          Type: 'Notification',
          MessageId: n.messageId,
          TopicArn: n.topicArn,
          Subject: n.subject ?? null,
          Message: message,
          Timestamp: n.timestamp,
          SignatureVersion: ctx.version,
          Signature: ctx.signer.sign(
            { Type: 'Notification', MessageId: n.messageId, TopicArn: n.topicArn, Subject: n.subject, Message: message, Timestamp: n.timestamp },
            ctx.version,
          ),
          SigningCertUrl: ctx.signingCertUrl,
          UnsubscribeUrl: ctx.unsubscribeUrl(subscriptionArn),
          MessageAttributes: envelopeAttributes(n.attributes),
        },
      },
    ],
  };
}

export type ConfirmationInput = {
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  token: string;
  subscribeUrl: string;
  timestamp: string;
};

/** The text SNS puts in Message (http-subscription-confirmation-json.html, http-unsubscribe-confirmation-json.html). */
export function confirmationText(input: Pick<ConfirmationInput, 'type' | 'topicArn' | 'subscriptionArn'>): string {
  return input.type === 'SubscriptionConfirmation'
    ? `You have chosen to subscribe to the topic ${input.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
    : `You have chosen to deactivate subscription ${input.subscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
}

/** The JSON of a SubscriptionConfirmation or UnsubscribeConfirmation POST. */
export function confirmationJson(input: ConfirmationInput, ctx: SigningContext): NotificationJson {
  const message = confirmationText(input);
  return {
    Type: input.type,
    MessageId: input.messageId,
    Token: input.token,
    TopicArn: input.topicArn,
    Message: message,
    SubscribeURL: input.subscribeUrl,
    Timestamp: input.timestamp,
    SignatureVersion: ctx.version,
    Signature: ctx.signer.sign(
      {
        Type: input.type,
        MessageId: input.messageId,
        TopicArn: input.topicArn,
        Message: message,
        Timestamp: input.timestamp,
        SubscribeURL: input.subscribeUrl,
        Token: input.token,
      },
      ctx.version,
    ),
    SigningCertURL: ctx.signingCertUrl,
  };
}
