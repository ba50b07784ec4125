// A topic and its attributes as GetTopicAttributes shows them: DisplayName, Owner, Policy,
// SubscriptionsConfirmed / Pending / Deleted, TopicArn, EffectiveDeliveryPolicy, plus
// DeliveryPolicy, SignatureVersion, KmsMasterKeyId, FifoTopic, ContentBasedDeduplication when
// set. Shape and default policy from real answers (LocalStack's AWS-validated snapshot
// test_sns.snapshot.json, test_create_topic_with_attributes);
// https://docs.aws.amazon.com/sns/latest/api/API_GetTopicAttributes.html
import { DEFAULT_EFFECTIVE_DELIVERY_POLICY } from './deliveryPolicy';
import { InvalidParameter } from './errors';
import type { SignatureVersion } from './signing';

/** "Topic names ... up to 256 characters: upper and lowercase ASCII letters, numbers, underscores, and hyphens; FIFO names end in .fifo" (API_CreateTopic.html). */
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const FIFO_TOPIC_NAME = /^[A-Za-z0-9_-]{1,251}\.fifo$/;

/** Attributes SetTopicAttributes / CreateTopic accept (API_SetTopicAttributes.html). */
const SETTABLE = new Set([
  'DeliveryPolicy',
  'DisplayName',
  'Policy',
  'TracingConfig',
  'KmsMasterKeyId',
  'SignatureVersion',
  'ContentBasedDeduplication',
  'FifoTopic',
  'ArchivePolicy',
  'DataProtectionPolicy',
  'FifoThroughputScope',
]);

export type TopicSpec = {
  arn: string;
  name: string;
  attributes?: Record<string, string>;
  tags?: Record<string, string>;
};

export class Topic {
  readonly arn: string;
  readonly name: string;
  readonly ownerAccountId: string;
  readonly tags: Record<string, string>;
  private readonly attrs = new Map<string, string>();
  subscriptionsDeleted = 0;

  constructor(spec: TopicSpec) {
    this.arn = spec.arn;
    this.name = spec.name;
    this.ownerAccountId = spec.arn.split(':')[4] ?? '';
    this.tags = { ...spec.tags };
    const fifo = spec.attributes?.FifoTopic === 'true';
    checkTopicName(spec.name, fifo);
    this.attrs.set('DisplayName', '');
    this.attrs.set('Policy', JSON.stringify(defaultPolicy(this.arn, this.ownerAccountId)));
    if (fifo) {
      this.attrs.set('FifoTopic', 'true');
      this.attrs.set('ContentBasedDeduplication', 'false');
    }
    for (const [name, value] of Object.entries(spec.attributes ?? {})) this.setAttribute(name, value);
  }

  get fifo(): boolean {
    return this.attrs.get('FifoTopic') === 'true';
  }

  get contentBasedDeduplication(): boolean {
    return this.attrs.get('ContentBasedDeduplication') === 'true';
  }

  get deliveryPolicy(): string | undefined {
    return this.attrs.get('DeliveryPolicy') || undefined;
  }

  /** SignatureVersion 1 (SHA1withRSA) unless the topic asks for 2 (sns-verify-signature-of-message.html). */
  get signatureVersion(): SignatureVersion {
    return this.attrs.get('SignatureVersion') === '2' ? '2' : '1';
  }

  setAttribute(name: string, value: string): void {
    if (!SETTABLE.has(name)) throw new InvalidParameter('AttributeName');
    if (name === 'SignatureVersion' && value !== '1' && value !== '2') throw new InvalidParameter('SignatureVersion'); // wording not recorded
    if (name === 'FifoTopic') {
      // Fixed at creation (the name's .fifo suffix decides); a change is refused (wording not recorded).
      if ((value === 'true') !== this.fifo) throw new InvalidParameter('FifoTopic: cannot be changed after the topic is created');
      return;
    }
    if ((name === 'DeliveryPolicy' || name === 'Policy') && value !== '') checkJson(name, value);
    if (value === '' && name !== 'DisplayName') this.attrs.delete(name);
    else this.attrs.set(name, value);
  }

  /** What GetTopicAttributes returns, counts included. */
  attributes(counts: { confirmed: number; pending: number }): Record<string, string> {
    const effective = this.deliveryPolicy
      ? JSON.stringify(mergeDeliveryPolicy(JSON.parse(this.deliveryPolicy) as Record<string, unknown>))
      : JSON.stringify(DEFAULT_EFFECTIVE_DELIVERY_POLICY);
    return {
      ...Object.fromEntries(this.attrs),
      EffectiveDeliveryPolicy: effective,
      Owner: this.ownerAccountId,
      SubscriptionsConfirmed: String(counts.confirmed),
      SubscriptionsDeleted: String(this.subscriptionsDeleted),
      SubscriptionsPending: String(counts.pending),
      TopicArn: this.arn,
    };
  }

  /** Attributes to compare when CreateTopic names an existing topic. */
  sameAttributes(requested: Record<string, string>): boolean {
    return Object.entries(requested).every(([name, value]) => (this.attrs.get(name) ?? '') === value || (name === 'FifoTopic' && value === String(this.fifo)));
  }
}

export function checkTopicName(name: string, fifo: boolean): void {
  if (fifo) {
    if (!FIFO_TOPIC_NAME.test(name)) {
      throw new InvalidParameter(
        'Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.',
      );
    }
  } else if (!TOPIC_NAME.test(name)) {
    // Wording from memory of real answers (not recorded).
    throw new InvalidParameter('Topic Name');
  }
}

function checkJson(name: string, value: string): void {
  try {
    JSON.parse(value);
  } catch (error) {
    throw new InvalidParameter(`${name}: failed to parse JSON. ${(error as Error).message}`);
  }
}

function mergeDeliveryPolicy(policy: Record<string, unknown>) {
  const http = (policy.http ?? {}) as Record<string, unknown>;
  const defaults = DEFAULT_EFFECTIVE_DELIVERY_POLICY.http;
  return {
    ...policy,
    http: {
      ...defaults,
      ...http,
      defaultHealthyRetryPolicy: { ...defaults.defaultHealthyRetryPolicy, ...(http.defaultHealthyRetryPolicy as object | undefined) },
      defaultRequestPolicy: { ...defaults.defaultRequestPolicy, ...(http.defaultRequestPolicy as object | undefined) },
    },
  };
}

/** The access policy SNS gives a new topic (as GetTopicAttributes returns it). */
export function defaultPolicy(topicArn: string, accountId: string) {
  return {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  };
}
