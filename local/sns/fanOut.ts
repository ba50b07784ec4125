// Turns one published message into what each subscription receives, and hands it to Delivery:
// the JSON notification or the raw message (RawMessageDelivery) for SQS and HTTP/S, the
// Records event for Lambda, SNS's HTTP headers, the dead-letter copy for a RedrivePolicy.
// Email, email-json, SMS, mobile push and Firehose subscriptions are recorded, not sent.
// Headers: https://docs.aws.amazon.com/sns/latest/dg/http-header.html ; raw delivery (and its
// x-amz-sns-rawdelivery header, message attributes mapped to SQS attributes):
// https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html
import type { QueueMessage } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import type { Delivery, DeliveryTarget } from './delivery';
import { httpDeliveryPolicy } from './deliveryPolicy';
import { confirmationJson, lambdaEvent, notificationJson, type ConfirmationInput, type Notification, type SigningContext } from './envelope';
import type { Subscription } from './subscription';
import type { Topic } from './topic';

/** "User-Agent: Amazon Simple Notification Service Agent" (SendMessageToHttp.prepare.html). */
export const SNS_USER_AGENT = 'Amazon Simple Notification Service Agent';

/** A delivery SNS makes to a protocol the local runtime does not send to. */
export type RecordedDelivery = {
  subscriptionArn: string;
  protocol: string;
  endpoint: string;
  type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  body: string;
  at: string;
};

/** How many recorded deliveries are kept (the oldest go first). */
export const MAX_RECORDED_DELIVERIES = 1000;

export class FanOut {
  readonly recorded: RecordedDelivery[] = [];

  constructor(
    private readonly delivery: Delivery,
    private readonly logger: Logger,
    private readonly signing: (topic: Topic) => SigningContext,
  ) {}

  /** Sends a notification carrying `message` (already chosen for the protocol and filtered). */
  notify(topic: Topic, subscription: Subscription, notification: Notification, message: string): void {
    const ctx = this.signing(topic);
    const label = `${notification.messageId} to ${subscription.protocol}:${subscription.endpoint}`;
    const json = () => JSON.stringify(notificationJson(notification, message, subscription.arn, ctx));
    const sqsForm = (): QueueMessage =>
      subscription.rawMessageDelivery ? { body: message, attributes: { ...notification.attributes } } : { body: json() };
    const deadLetter = subscription.redrivePolicy ? { queueArn: subscription.redrivePolicy.deadLetterTargetArn, message: sqsForm() } : undefined;
    let target: DeliveryTarget;
    switch (subscription.protocol) {
      case 'sqs':
        target = { kind: 'sqs', queueArn: subscription.endpoint, message: sqsForm() };
        break;
      case 'lambda':
        target = { kind: 'lambda', functionArn: subscription.endpoint, event: lambdaEvent(notification, message, subscription.arn, ctx) };
        break;
      case 'http':
      case 'https': {
        const policy = httpDeliveryPolicy(subscription.deliveryPolicy, topic.deliveryPolicy);
        const headers: Record<string, string> = {
          ...snsHeaders('Notification', notification.messageId, topic.arn, subscription.arn),
          'content-type': policy.headerContentType,
        };
        if (subscription.rawMessageDelivery) headers['x-amz-sns-rawdelivery'] = 'true';
        target = { kind: 'http', url: subscription.endpoint, headers, body: subscription.rawMessageDelivery ? message : json(), policy };
        break;
      }
      default:
        this.record(subscription, 'Notification', subscription.protocol === 'email' ? message : json(), notification.timestamp);
        return;
    }
    this.delivery.deliver({ label, target, deadLetter });
  }

  /** The SubscriptionConfirmation / UnsubscribeConfirmation an HTTP/S (or email) endpoint gets. */
  confirm(topic: Topic, subscription: Subscription, input: ConfirmationInput): void {
    const body = JSON.stringify(confirmationJson(input, this.signing(topic)));
    if (subscription.protocol !== 'http' && subscription.protocol !== 'https') {
      // SNS would send an email (or SMS) with the link; locally it is logged and recorded.
      this.logger.info(`${input.type} for ${subscription.protocol}:${subscription.endpoint}: visit ${input.subscribeUrl}`);
      this.record(subscription, input.type, body, input.timestamp);
      return;
    }
    const policy = httpDeliveryPolicy(subscription.deliveryPolicy, topic.deliveryPolicy);
    this.delivery.deliver({
      label: `${input.type} ${input.messageId} to ${subscription.endpoint}`,
      target: {
        kind: 'http',
        url: subscription.endpoint,
        headers: { ...snsHeaders(input.type, input.messageId, topic.arn, subscription.arn), 'content-type': policy.headerContentType },
        body,
        policy,
      },
    });
  }

  private record(subscription: Subscription, type: RecordedDelivery['type'], body: string, at: string): void {
    this.recorded.push({ subscriptionArn: subscription.arn, protocol: subscription.protocol, endpoint: subscription.endpoint, type, body, at });
    if (this.recorded.length > MAX_RECORDED_DELIVERIES) this.recorded.shift();
    this.logger.debug(`recorded ${type} for ${subscription.protocol}:${subscription.endpoint}`);
  }
}

/**
 * x-amz-sns-message-type, -message-id, -topic-arn, -subscription-arn (http-header.html). The
 * documentation's SubscriptionConfirmation example has no subscription ARN header; real
 * confirmations carry one (https://juejin.cn/post/7123794434885419016 shows a captured request).
 */
function snsHeaders(type: string, messageId: string, topicArn: string, subscriptionArn: string): Record<string, string> {
  return {
    'x-amz-sns-message-type': type,
    'x-amz-sns-message-id': messageId,
    'x-amz-sns-topic-arn': topicArn,
    'x-amz-sns-subscription-arn': subscriptionArn,
    'user-agent': SNS_USER_AGENT,
  };
}
