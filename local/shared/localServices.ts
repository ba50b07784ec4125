// How the local services reach each other: SNS delivers to queues and functions, S3 and
// SES notify, SES inbound stores in buckets. Each service registers what it offers when it
// starts; the others call through here, so no service imports another.
import type { InvocationResult } from '../lambda/lambdaFunction';

export type QueueMessageAttribute = { DataType: string; StringValue?: string; BinaryValue?: Uint8Array };

export type QueueMessage = { body: string; attributes?: Record<string, QueueMessageAttribute> };

export type TopicMessage = {
  message: string;
  subject?: string;
  attributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>;
};

export interface QueueTarget {
  sendToQueue(queueArn: string, message: QueueMessage): Promise<void>;
}
export interface FunctionTarget {
  /** `Event` invocations are queued and retried as Lambda's asynchronous invocation does. */
  invokeFunction(arnOrName: string, event: unknown, invocationType: 'RequestResponse' | 'Event'): Promise<InvocationResult>;
}
export interface TopicTarget {
  /** Resolves to the SNS message id. */
  publishToTopic(topicArn: string, message: TopicMessage): Promise<string>;
}
export interface BucketTarget {
  putObject(bucket: string, key: string, body: Uint8Array, contentType?: string): Promise<void>;
  getObject(bucket: string, key: string): Promise<Uint8Array | undefined>;
}

export interface MailReceivingTarget {
  /** SES SetActiveReceiptRuleSet: only the active rule set's rules apply; undefined deactivates. */
  setActiveReceiptRuleSet(ruleSetName: string | undefined): void;
}
export interface NotificationTarget {
  /** S3 PutBucketNotificationConfiguration, as CDK's bucket notification custom resource sets it. */
  setBucketNotifications(bucket: string, configuration: unknown): void;
}

type Targets = {
  queues?: QueueTarget;
  functions?: FunctionTarget;
  topics?: TopicTarget;
  buckets?: BucketTarget;
  mailReceiving?: MailReceivingTarget;
  bucketNotifications?: NotificationTarget;
};

export class LocalServices implements QueueTarget, FunctionTarget, TopicTarget, BucketTarget, MailReceivingTarget, NotificationTarget {
  private readonly targets: Targets = {};

  register(targets: Targets): void {
    Object.assign(this.targets, targets);
  }

  private need<K extends keyof Targets>(kind: K, what: string): NonNullable<Targets[K]> {
    const target = this.targets[kind];
    if (!target) throw new Error(`${what}: the local ${kind} service is not running (the template defines none?)`);
    return target as NonNullable<Targets[K]>;
  }

  sendToQueue(queueArn: string, message: QueueMessage) {
    return this.need('queues', `send to ${queueArn}`).sendToQueue(queueArn, message);
  }

  invokeFunction(arnOrName: string, event: unknown, invocationType: 'RequestResponse' | 'Event') {
    return this.need('functions', `invoke ${arnOrName}`).invokeFunction(arnOrName, event, invocationType);
  }

  publishToTopic(topicArn: string, message: TopicMessage) {
    return this.need('topics', `publish to ${topicArn}`).publishToTopic(topicArn, message);
  }

  putObject(bucket: string, key: string, body: Uint8Array, contentType?: string) {
    return this.need('buckets', `store s3://${bucket}/${key}`).putObject(bucket, key, body, contentType);
  }

  getObject(bucket: string, key: string) {
    return this.need('buckets', `read s3://${bucket}/${key}`).getObject(bucket, key);
  }

  setActiveReceiptRuleSet(ruleSetName: string | undefined) {
    this.need('mailReceiving', `activate receipt rule set ${ruleSetName}`).setActiveReceiptRuleSet(ruleSetName);
  }

  setBucketNotifications(bucket: string, configuration: unknown) {
    this.need('bucketNotifications', `configure notifications of ${bucket}`).setBucketNotifications(bucket, configuration);
  }

  /** Whether a kind of service is running (for start-up reports). */
  has(kind: keyof Targets): boolean {
    return this.targets[kind] !== undefined;
  }
}
