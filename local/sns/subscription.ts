// A subscription and its attributes: the rules SNS applies when Subscribe or
// SetSubscriptionAttributes sets them, and what GetSubscriptionAttributes shows.
// Reasons quoted are SNS's, recorded from real answers (LocalStack's AWS-validated snapshots
// test_sns.snapshot.json test_validate_set_sub_attributes / test_create_subscriptions_with_attributes,
// and test_sns_filter_policy.snapshot.json); Subscribe prefixes them with "Attributes Reason: ".
// https://docs.aws.amazon.com/sns/latest/api/API_SetSubscriptionAttributes.html
import { isArnOf } from './arn';
import { FILTER_POLICY_SCOPES, FilterPolicyError, parseFilterPolicy, type FilterPolicy, type FilterPolicyScope } from './filterPolicy';

export const PROTOCOLS = ['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Raw message delivery exists for Firehose, SQS and HTTP/S only (sns-large-payload-raw-message-delivery.html). */
const RAW_DELIVERY_PROTOCOLS: ReadonlySet<Protocol> = new Set(['sqs', 'http', 'https', 'firehose']);

export const SUBSCRIPTION_ATTRIBUTES = [
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
] as const;

/** An attribute SNS refuses; `reason` follows "Invalid parameter: ". */
export class SubscriptionAttributeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SubscriptionAttributeError';
  }
}

export type SubscriptionSpec = {
  arn: string;
  topicArn: string;
  protocol: Protocol;
  endpoint: string;
  ownerAccountId: string;
  /** Who subscribed (shown as SubscriptionPrincipal). */
  principalArn: string;
  pendingConfirmation: boolean;
  attributes?: Record<string, string>;
};

export class Subscription {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: Protocol;
  readonly endpoint: string;
  readonly ownerAccountId: string;
  readonly principalArn: string;
  pendingConfirmation: boolean;
  confirmationWasAuthenticated: boolean;
  /** When set by ConfirmSubscription, Unsubscribe must be signed (the UnsubscribeURL alone no longer works). */
  authenticateOnUnsubscribe = false;
  rawMessageDelivery = false;
  filterPolicyScope: FilterPolicyScope = 'MessageAttributes';
  filterPolicy: { text: string; compiled: FilterPolicy } | undefined;
  deliveryPolicy: string | undefined;
  redrivePolicy: { text: string; deadLetterTargetArn: string } | undefined;
  private readonly extra = new Map<string, string>();
  private filterPolicyScopeSet = false;

  constructor(spec: SubscriptionSpec) {
    this.arn = spec.arn;
    this.topicArn = spec.topicArn;
    this.protocol = spec.protocol;
    this.endpoint = spec.endpoint;
    this.ownerAccountId = spec.ownerAccountId;
    this.principalArn = spec.principalArn;
    this.pendingConfirmation = spec.pendingConfirmation;
    this.confirmationWasAuthenticated = !spec.pendingConfirmation;
    this.setAttributes(spec.attributes ?? {});
  }

  /** Sets several at once: the scope first, so a body-scope policy can be nested. */
  setAttributes(attributes: Record<string, string>): void {
    const ordered = Object.entries(attributes).sort(([a], [b]) => (a === 'FilterPolicyScope' ? -1 : b === 'FilterPolicyScope' ? 1 : 0));
    for (const [name, value] of ordered) this.setAttribute(name, value);
  }

  setAttribute(name: string, value: string): void {
    switch (name) {
      case 'RawMessageDelivery': {
        const lower = value.toLowerCase();
        if (lower !== 'true' && lower !== 'false') throw new SubscriptionAttributeError(`RawMessageDelivery: Invalid value [${value}]. Must be true or false.`);
        if (lower === 'true' && !RAW_DELIVERY_PROTOCOLS.has(this.protocol)) {
          throw new SubscriptionAttributeError(`Delivery protocol [${this.protocol}] does not support raw message delivery.`);
        }
        this.rawMessageDelivery = lower === 'true';
        return;
      }
      case 'FilterPolicyScope': {
        if (!FILTER_POLICY_SCOPES.includes(value as FilterPolicyScope)) {
          throw new SubscriptionAttributeError(`FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`);
        }
        const scope = value as FilterPolicyScope;
        // A policy already set must suit the new scope.
        const compiled = this.filterPolicy ? parsePolicy(this.filterPolicy.text, scope) : undefined;
        this.filterPolicyScope = scope;
        this.filterPolicyScopeSet = true;
        if (this.filterPolicy && compiled) this.filterPolicy = { text: this.filterPolicy.text, compiled };
        return;
      }
      case 'FilterPolicy':
        // An empty value removes the policy (LocalStack's AWS-validated test_filter_policy unsets it so).
        this.filterPolicy = value.trim() === '' ? undefined : { text: value, compiled: parsePolicy(value, this.filterPolicyScope) };
        return;
      case 'RedrivePolicy': {
        if (value.trim() === '') {
          this.redrivePolicy = undefined;
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch (error) {
          throw new SubscriptionAttributeError(`RedrivePolicy: failed to parse JSON. ${(error as Error).message}`);
        }
        const target = (parsed as { deadLetterTargetArn?: unknown } | null)?.deadLetterTargetArn;
        if (typeof target !== 'string' || !isArnOf(target, 'sqs')) {
          throw new SubscriptionAttributeError('RedrivePolicy: deadLetterTargetArn is an invalid arn');
        }
        this.redrivePolicy = { text: value, deadLetterTargetArn: target };
        return;
      }
      case 'DeliveryPolicy':
        if (value.trim() !== '') {
          try {
            JSON.parse(value);
          } catch (error) {
            throw new SubscriptionAttributeError(`DeliveryPolicy: failed to parse JSON. ${(error as Error).message}`);
          }
        }
        this.deliveryPolicy = value.trim() === '' ? undefined : value;
        return;
      case 'SubscriptionRoleArn':
      case 'ReplayPolicy':
        if (value === '') this.extra.delete(name);
        else this.extra.set(name, value);
        return;
      default:
        throw new SubscriptionAttributeError('AttributeName');
    }
  }

  /**
   * GetSubscriptionAttributes. FilterPolicyScope shows only with a FilterPolicy (a scope set
   * alone does not show, in the recorded answers).
   */
  attributes(): Record<string, string> {
    const attrs: Record<string, string> = {
      ConfirmationWasAuthenticated: String(this.confirmationWasAuthenticated),
      Endpoint: this.endpoint,
      Owner: this.ownerAccountId,
      PendingConfirmation: String(this.pendingConfirmation),
      Protocol: this.protocol,
      RawMessageDelivery: String(this.rawMessageDelivery),
      SubscriptionArn: this.arn,
      SubscriptionPrincipal: this.principalArn,
      TopicArn: this.topicArn,
    };
    if (this.filterPolicy) {
      attrs.FilterPolicy = this.filterPolicy.text;
      attrs.FilterPolicyScope = this.filterPolicyScope;
    }
    if (this.deliveryPolicy) {
      attrs.DeliveryPolicy = this.deliveryPolicy;
      attrs.EffectiveDeliveryPolicy = this.deliveryPolicy;
    }
    if (this.redrivePolicy) attrs.RedrivePolicy = this.redrivePolicy.text;
    for (const [name, value] of this.extra) attrs[name] = value;
    return attrs;
  }

  /** Whether Subscribe with these attributes asks for the same subscription (Subscribe is idempotent). */
  sameAttributes(requested: Record<string, string>): boolean {
    const current = this.attributes();
    return Object.entries(requested).every(([name, value]) => {
      if (name === 'FilterPolicyScope' && !this.filterPolicy) return value === this.filterPolicyScope || !this.filterPolicyScopeSet;
      if (name === 'RawMessageDelivery') return value.toLowerCase() === current[name];
      return (current[name] ?? '') === value;
    });
  }
}

function parsePolicy(text: string, scope: FilterPolicyScope): FilterPolicy {
  try {
    return parseFilterPolicy(text, scope);
  } catch (error) {
    if (error instanceof FilterPolicyError) throw new SubscriptionAttributeError(error.reason);
    throw error;
  }
}
