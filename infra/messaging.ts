import { Duration, Validations } from 'aws-cdk-lib';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MessagingProps {
  /**
   * Receives of one message before SQS moves it to the queue's DLQ.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

/** How long the notice mailer (infra/noticeMail.ts) may run: its queue's visibility timeout is six times this. */
export const NOTICE_MAILER_TIMEOUT = Duration.seconds(30);
const NOTICE_MAIL_VISIBILITY_TIMEOUT = Duration.seconds(NOTICE_MAILER_TIMEOUT.toSeconds() * 6);

/** A work queue and the dead-letter queue its failed messages end in. */
export type QueueWithDlq = { readonly queue: Queue; readonly dlq: Queue };

/**
 * Queues (each with a DLQ) and topics (ARCHITECTURE.md section 4):
 * - invite-dispatch: one message = one email to one attendee;
 * - event-requests: inbound mail (RSVP replies, emailed requests and CSV imports);
 * - notifications: EVENT_UPDATED / EVENT_CANCELLATION_REQUEST fan-out to the staging consumer;
 * - notice-mail: organizer notices (raw delivery from their topic), one email each;
 * - topics NEW_EVENT_INVITE, EVENT_UPDATED, EVENT_CANCELLATION_REQUEST for other systems,
 *   organizer notices, SES feedback (bounces, complaints), inbound mail.
 */
export class Messaging extends Construct {
  readonly inviteDispatch: QueueWithDlq;
  readonly eventRequests: QueueWithDlq;
  readonly notifications: QueueWithDlq;
  readonly noticeMail: QueueWithDlq;
  readonly newEventInvite: Topic;
  readonly eventUpdated: Topic;
  readonly eventCancellationRequest: Topic;
  readonly organizerNotices: Topic;
  readonly sesFeedback: Topic;
  readonly inboundMail: Topic;

  constructor(scope: Construct, id: string, props: MessagingProps = {}) {
    super(scope, id);
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    // Visibility timeouts are six times the consumer's timeout (AWS guidance for SQS event sources).
    this.inviteDispatch = this.queueWithDlq('InviteDispatch', Duration.seconds(180), maxReceiveCount);
    this.eventRequests = this.queueWithDlq('EventRequests', Duration.seconds(360), maxReceiveCount);
    this.notifications = this.queueWithDlq('Notifications', Duration.seconds(360), maxReceiveCount);
    this.noticeMail = this.queueWithDlq('NoticeMail', NOTICE_MAIL_VISIBILITY_TIMEOUT, maxReceiveCount);

    // Topics fed by our own functions are encrypted with the AWS-managed key.
    const managedKey = Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns');
    const appTopic = (topicId: string, displayName: string) => new Topic(this, topicId, { displayName, enforceSSL: true, masterKey: managedKey });
    this.newEventInvite = appTopic('NewEventInvite', 'NEW_EVENT_INVITE');
    this.eventUpdated = appTopic('EventUpdated', 'EVENT_UPDATED');
    this.eventCancellationRequest = appTopic('EventCancellationRequest', 'EVENT_CANCELLATION_REQUEST');
    this.organizerNotices = appTopic('OrganizerNotices', 'Organizer notices');

    // SES and S3 cannot publish to a topic encrypted with an AWS-managed key.
    const serviceTopic = (topicId: string, displayName: string) => {
      const topic = new Topic(this, topicId, { displayName, enforceSSL: true });
      Validations.of(topic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason: 'Published by SES (receipt rules, configuration set events), which cannot use the AWS-managed SNS key; messages are mail metadata already stored encrypted in S3.',
      });
      return topic;
    };
    this.sesFeedback = serviceTopic('SesFeedback', 'SES bounces and complaints');
    this.inboundMail = serviceTopic('InboundMail', 'Inbound mail');

    this.inboundMail.addSubscription(new SqsSubscription(this.eventRequests.queue, { rawMessageDelivery: true }));
    this.organizerNotices.addSubscription(new SqsSubscription(this.noticeMail.queue, { rawMessageDelivery: true }));
    this.eventUpdated.addSubscription(new SqsSubscription(this.notifications.queue));
    this.eventCancellationRequest.addSubscription(new SqsSubscription(this.notifications.queue));
  }

  private queueWithDlq(id: string, visibilityTimeout: Duration, maxReceiveCount: number): QueueWithDlq {
    // Stateful: renaming these construct ids replaces the queues (and drops their messages).
    const dlq = new Queue(this, `${id}Dlq`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount },
    });
    return { queue, dlq };
  }
}
