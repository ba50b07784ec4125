// The local SNS: topics, subscriptions, the confirmation flow and Publish, with SNS's rules
// and errors and nothing of HTTP (router.ts speaks the wire protocol). It is also the
// TopicTarget other local services publish through (S3 and SES notifications).
// API reference: https://docs.aws.amazon.com/sns/latest/api/API_Operations.html
// Subscription confirmation: https://docs.aws.amazon.com/sns/latest/dg/SendMessageToHttp.confirm.html
// Filter policies apply at once here (AWS takes up to 15 minutes to apply a change:
// sns-subscription-filter-policies.html).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { FunctionTarget, QueueTarget, TopicMessage, TopicTarget } from '../shared/localServices';
import type { Logger } from '../shared/logger';
import { isArnOf, parseArn } from './arn';
import { Delivery } from './delivery';
import type { Notification, SigningContext } from './envelope';
import {
  BatchEntryIdsNotDistinct,
  BatchRequestTooLong,
  EmptyBatchRequest,
  InvalidBatchEntryId,
  InvalidParameter,
  NotFound,
  SnsError,
  TooManyEntriesInBatchRequest,
} from './errors';
import { FanOut, type RecordedDelivery } from './fanOut';
import { matchesAttributes, matchesBody } from './filterPolicyMatch';
import type { TemplateSubscription, TemplateTopic } from './options';
import { MAX_MESSAGE_BYTES, messageFor, prepareMessage, type MessageInput, type PreparedMessage } from './publish';
import type { MessageSigner } from './signing';
import { PROTOCOLS, Subscription, SubscriptionAttributeError, type Protocol, type SubscriptionSpec } from './subscription';
import { Topic, checkTopicName } from './topic';

/** Pages of ListTopics and ListSubscriptions(ByTopic) hold 100 entries (API_ListTopics.html, API_ListSubscriptions.html). */
export const LIST_PAGE_SIZE = 100;
/** "Up to 10 messages" per PublishBatch (API_PublishBatch.html). */
export const MAX_BATCH_ENTRIES = 10;
/** Batch entry ids: up to 80 alphanumeric characters, hyphens and underscores (API_PublishBatchRequestEntry.html). */
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
/** FIFO topics drop a message whose deduplication id was seen in the last 5 minutes (fifo-message-dedup.html). */
export const FIFO_DEDUPLICATION_WINDOW_MS = 5 * 60 * 1000;
/** What Subscribe returns for an unconfirmed subscription (API_Subscribe.html). */
export const PENDING_CONFIRMATION = 'pending confirmation';
/** What ListSubscriptions shows as the ARN of an unconfirmed subscription. */
export const PENDING_CONFIRMATION_ARN = 'PendingConfirmation';

/** Protocols SNS confirms at once: the endpoint belongs to an AWS service of the same account. */
const CONFIRMED_AT_ONCE: ReadonlySet<Protocol> = new Set(['sqs', 'lambda', 'firehose', 'application', 'sms']);

export type SnsBrokerOptions = {
  region: string;
  accountId: string;
  clock: Clock;
  logger: Logger;
  services: QueueTarget & FunctionTarget;
  signer: MessageSigner;
  /** The SNS server's URL as subscribers reach it (SubscribeURL, UnsubscribeURL, SigningCertURL). */
  publicUrl: string;
  /** Who subscriptions show as SubscriptionPrincipal. */
  principalArn: string;
  httpRetryDelayScale?: number;
};

export type PublishInput = MessageInput & { topicArn?: string; targetArn?: string; phoneNumber?: string };
export type PublishResult = { messageId: string; sequenceNumber?: string };
export type BatchEntry = MessageInput & { id?: string };
export type BatchResult = {
  successful: { id: string; messageId: string; sequenceNumber?: string }[];
  failed: { id: string; code: string; message: string; senderFault: boolean }[];
};
export type SubscribeInput = {
  topicArn: string;
  protocol: string;
  endpoint?: string;
  attributes?: Record<string, string>;
  returnSubscriptionArn?: boolean;
};
export type SubscriptionSummary = { subscriptionArn: string; owner: string; protocol: string; endpoint: string; topicArn: string };

type PendingToken = { kind: 'subscribe'; subscriptionArn: string } | { kind: 'resubscribe'; spec: SubscriptionSpec; attributes: Record<string, string> };

export class SnsBroker implements TopicTarget {
  private readonly topics = new Map<string, Topic>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly tokens = new Map<string, PendingToken>();
  private readonly deduplication = new Map<string, { result: PublishResult; at: number }>();
  private readonly delivery: Delivery;
  private readonly fanOut: FanOut;
  private sequence = 0n;

  constructor(
    private readonly options: SnsBrokerOptions,
    resources: { topics: TemplateTopic[]; subscriptions: TemplateSubscription[] } = { topics: [], subscriptions: [] },
  ) {
    this.delivery = new Delivery({
      clock: options.clock,
      logger: options.logger,
      services: options.services,
      httpRetryDelayScale: options.httpRetryDelayScale,
    });
    this.fanOut = new FanOut(this.delivery, options.logger, (topic) => this.signingContext(topic));
    for (const t of resources.topics) this.topics.set(t.arn, new Topic({ arn: t.arn, name: t.name, attributes: t.attributes, tags: t.tags }));
    for (const s of resources.subscriptions) this.addTemplateSubscription(s);
  }

  // --- URLs the service hands out ---

  get signingCertUrl(): string {
    return `${this.options.publicUrl}/${this.options.signer.certificateFileName}`;
  }

  subscribeUrl(topicArn: string, token: string): string {
    // ARNs go in as they are, as in AWS's URLs (SendMessageToHttp.prepare.html); topic names cannot hold URL syntax.
    return `${this.options.publicUrl}/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
  }

  unsubscribeUrl(subscriptionArn: string): string {
    return `${this.options.publicUrl}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
  }

  /** SMS, email, mobile push and Firehose deliveries (and email confirmations), which the local runtime records instead of sending. */
  get recordedDeliveries(): readonly RecordedDelivery[] {
    return this.fanOut.recorded;
  }

  // --- topics ---

  createTopic(input: { name: string; attributes?: Record<string, string>; tags?: Record<string, string> }): string {
    const attributes = input.attributes ?? {};
    checkTopicName(input.name, attributes.FifoTopic === 'true');
    const arn = `arn:aws:sns:${this.options.region}:${this.options.accountId}:${input.name}`;
    const existing = this.topics.get(arn);
    if (existing) {
      // CreateTopic is idempotent for the same name, attributes and tags (API_CreateTopic.html).
      const tags = input.tags ?? {};
      if (Object.entries(tags).some(([k, v]) => existing.tags[k] !== v)) {
        throw new InvalidParameter('Tags Reason: Topic already exists with different tags');
      }
      if (!existing.sameAttributes(attributes)) throw new InvalidParameter('Attributes Reason: Topic already exists with different attributes'); // wording not recorded
      return arn;
    }
    this.topics.set(arn, new Topic({ arn, name: input.name, attributes, tags: input.tags }));
    this.options.logger.info(`created topic ${arn}`);
    return arn;
  }

  /** Deleting a topic deletes its subscriptions; deleting one that does not exist succeeds. */
  deleteTopic(topicArn: string): void {
    parseArn('TopicArn', topicArn);
    if (!this.topics.delete(topicArn)) return;
    for (const [arn, sub] of this.subscriptions) if (sub.topicArn === topicArn) this.subscriptions.delete(arn);
    for (const [token, pending] of this.tokens) {
      const arn = pending.kind === 'subscribe' ? pending.subscriptionArn : pending.spec.arn;
      if (arn.startsWith(`${topicArn}:`)) this.tokens.delete(token);
    }
  }

  listTopics(nextToken?: string): { topicArns: string[]; nextToken?: string } {
    const page = paginate([...this.topics.keys()], nextToken);
    return { topicArns: page.items, nextToken: page.nextToken };
  }

  getTopicAttributes(topicArn: string): Record<string, string> {
    const topic = this.topic('TopicArn', topicArn);
    const subs = this.subscriptionsOf(topic.arn);
    return topic.attributes({ confirmed: subs.filter((s) => !s.pendingConfirmation).length, pending: subs.filter((s) => s.pendingConfirmation).length });
  }

  setTopicAttributes(topicArn: string, name: string, value: string): void {
    this.topic('TopicArn', topicArn).setAttribute(name, value);
  }

  // --- subscriptions ---

  subscribe(input: SubscribeInput): string {
    const topic = this.topic('TopicArn', input.topicArn);
    const protocol = input.protocol.toLowerCase() as Protocol;
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
      throw new InvalidParameter(`Amazon SNS does not support this protocol string: ${input.protocol}`);
    }
    const endpoint = input.endpoint ?? '';
    checkEndpoint(protocol, endpoint, topic);
    const attributes = input.attributes ?? {};
    const spec: SubscriptionSpec = {
      arn: `${topic.arn}:${randomUUID()}`,
      topicArn: topic.arn,
      protocol,
      endpoint,
      ownerAccountId: this.options.accountId,
      principalArn: this.options.principalArn,
      pendingConfirmation: !CONFIRMED_AT_ONCE.has(protocol),
    };
    // The attributes are checked before the existing subscription is looked up.
    const subscription = withAttributeReasons(() => new Subscription({ ...spec, attributes }), 'Attributes Reason: ');
    const existing = [...this.subscriptions.values()].find((s) => s.topicArn === topic.arn && s.protocol === protocol && s.endpoint === endpoint);
    if (existing) {
      if (!existing.sameAttributes(attributes)) throw new InvalidParameter('Attributes Reason: Subscription already exists with different attributes'); // wording not recorded
      return existing.pendingConfirmation && !input.returnSubscriptionArn ? PENDING_CONFIRMATION : existing.arn;
    }
    this.subscriptions.set(subscription.arn, subscription);
    if (subscription.pendingConfirmation) this.requestConfirmation(topic, subscription, 'SubscriptionConfirmation', { kind: 'subscribe', subscriptionArn: subscription.arn });
    this.options.logger.info(`subscribed ${protocol}:${endpoint} to ${topic.arn}${subscription.pendingConfirmation ? ' (pending confirmation)' : ''}`);
    return subscription.pendingConfirmation && !input.returnSubscriptionArn ? PENDING_CONFIRMATION : subscription.arn;
  }

  /**
   * ConfirmSubscription, signed (API) or not (the SubscribeURL a subscriber visits). The token
   * alone authenticates the call; a signed call marks ConfirmationWasAuthenticated.
   * Texts recorded from real answers: "Invalid token" for a malformed token, "Invalid
   * parameter: Token" for an unknown one (test_sns_confirm_subscription_wrong_token).
   */
  confirmSubscription(input: { topicArn: string; token: string; authenticateOnUnsubscribe?: boolean }, signed: boolean): string {
    if (!/^[0-9a-f]+$/i.test(input.token)) throw new SnsError('InvalidParameter', 'Invalid token');
    const pending = this.tokens.get(input.token);
    if (!pending) throw new InvalidParameter('Token');
    if (pending.kind === 'resubscribe') {
      if (!this.topics.has(pending.spec.topicArn)) throw new InvalidParameter('Token');
      const restored = new Subscription({ ...pending.spec, pendingConfirmation: false, attributes: pending.attributes });
      this.subscriptions.set(restored.arn, restored);
      this.tokens.delete(input.token);
      return restored.arn;
    }
    const subscription = this.subscriptions.get(pending.subscriptionArn);
    if (!subscription || subscription.topicArn !== input.topicArn) throw new InvalidParameter('Token');
    if (subscription.pendingConfirmation) {
      subscription.pendingConfirmation = false;
      subscription.confirmationWasAuthenticated = signed;
      subscription.authenticateOnUnsubscribe = signed && input.authenticateOnUnsubscribe === true;
      this.options.logger.info(`confirmed ${subscription.arn}`);
    }
    return subscription.arn;
  }

  /** Unsubscribing from a subscription that does not exist succeeds (recorded: test_unsubscribe_from_non_existing_subscription). */
  unsubscribe(subscriptionArn: string, signed: boolean): void {
    parseArn('SubscriptionArn', subscriptionArn);
    const subscription = this.subscriptions.get(subscriptionArn);
    if (!subscription) return;
    if (subscription.authenticateOnUnsubscribe && !signed) {
      // ConfirmSubscription's AuthenticateOnUnsubscribe (API_ConfirmSubscription.html); wording not recorded.
      throw new SnsError('AuthorizationError', 'Unsubscribe of this subscription requires an AWS signature');
    }
    this.subscriptions.delete(subscriptionArn);
    const topic = this.topics.get(subscription.topicArn);
    if (topic) topic.subscriptionsDeleted += 1;
    if (topic && !subscription.pendingConfirmation && (subscription.protocol === 'http' || subscription.protocol === 'https')) {
      // The endpoint is told, with a SubscribeURL that restores the subscription (http-unsubscribe-confirmation-json.html).
      this.requestConfirmation(topic, subscription, 'UnsubscribeConfirmation', {
        kind: 'resubscribe',
        spec: {
          arn: subscription.arn,
          topicArn: subscription.topicArn,
          protocol: subscription.protocol,
          endpoint: subscription.endpoint,
          ownerAccountId: subscription.ownerAccountId,
          principalArn: subscription.principalArn,
          pendingConfirmation: false,
        },
        attributes: settableAttributes(subscription),
      });
    }
    this.options.logger.info(`unsubscribed ${subscriptionArn}`);
  }

  listSubscriptions(nextToken?: string): { subscriptions: SubscriptionSummary[]; nextToken?: string } {
    const page = paginate([...this.subscriptions.values()], nextToken);
    return { subscriptions: page.items.map(summary), nextToken: page.nextToken };
  }

  listSubscriptionsByTopic(topicArn: string, nextToken?: string): { subscriptions: SubscriptionSummary[]; nextToken?: string } {
    const topic = this.topic('TopicArn', topicArn);
    const page = paginate(this.subscriptionsOf(topic.arn), nextToken);
    return { subscriptions: page.items.map(summary), nextToken: page.nextToken };
  }

  getSubscriptionAttributes(subscriptionArn: string): Record<string, string> {
    return this.subscription(subscriptionArn).attributes();
  }

  setSubscriptionAttributes(subscriptionArn: string, name: string, value: string): void {
    const subscription = this.subscription(subscriptionArn);
    withAttributeReasons(() => subscription.setAttribute(name, value), '');
  }

  // --- publishing ---

  publish(input: PublishInput): PublishResult {
    if (input.phoneNumber !== undefined && input.topicArn === undefined && input.targetArn === undefined) {
      const prepared = prepareMessage(input);
      this.options.logger.info(`SMS to ${input.phoneNumber} recorded (not sent): ${prepared.message.slice(0, 160)}`);
      return { messageId: randomUUID() };
    }
    let topicArn = input.topicArn;
    if (topicArn === undefined) {
      if (input.targetArn === undefined) throw new InvalidParameter('TopicArn or TargetArn Reason: no value for required parameter'); // wording not recorded
      parseArn('TargetArn', input.targetArn);
      // A TargetArn may name a topic (recorded: test_publish_message_by_target_arn); mobile endpoints do not exist locally.
      if (!isArnOf(input.targetArn, 'sns') || !/^[A-Za-z0-9_-]+(\.fifo)?$/.test(input.targetArn.split(':').slice(5).join(':'))) {
        throw new InvalidParameter('TargetArn Reason: No endpoint found for the target arn specified');
      }
      topicArn = input.targetArn;
    }
    parseArn('TopicArn', topicArn);
    const prepared = prepareMessage(input);
    return this.publishPrepared(this.topic('TopicArn', topicArn), prepared);
  }

  publishBatch(input: { topicArn: string; entries: BatchEntry[] }): BatchResult {
    const topic = this.topic('TopicArn', input.topicArn);
    if (input.entries.length === 0) throw new EmptyBatchRequest();
    if (input.entries.length > MAX_BATCH_ENTRIES) throw new TooManyEntriesInBatchRequest();
    const ids = input.entries.map((e) => e.id ?? '');
    if (new Set(ids).size !== ids.length) throw new BatchEntryIdsNotDistinct();
    if (ids.some((id) => !BATCH_ENTRY_ID.test(id))) throw new InvalidBatchEntryId();
    const prepared = input.entries.map((entry, i) => prepareMessage(entry, `publishBatchRequestEntries.${i + 1}.member.messageAttributes`));
    const total = prepared.reduce((sum, p) => sum + Buffer.byteLength(p.message), 0);
    if (total > MAX_MESSAGE_BYTES) throw new BatchRequestTooLong();
    // SNS checks every entry before it publishes any (a bad entry fails the whole call in the recorded answers).
    if (topic.fifo) prepared.forEach((p) => this.checkFifo(topic, p));
    const result: BatchResult = { successful: [], failed: [] };
    prepared.forEach((p, i) => {
      const published = this.publishPrepared(topic, p);
      result.successful.push({ id: ids[i]!, messageId: published.messageId, sequenceNumber: published.sequenceNumber });
    });
    return result;
  }

  /** TopicTarget: how S3 and SES publish their notifications. */
  async publishToTopic(topicArn: string, message: TopicMessage): Promise<string> {
    return this.publish({ topicArn, message: message.message, subject: message.subject, messageAttributes: message.attributes }).messageId;
  }

  /** Resolves once every delivery attempt in progress has finished (retries waiting for the clock do not count). */
  settled(): Promise<void> {
    return this.delivery.settled();
  }

  stop(): void {
    this.delivery.stop();
  }

  private publishPrepared(topic: Topic, prepared: PreparedMessage): PublishResult {
    let sequenceNumber: string | undefined;
    let dedupKey: string | undefined;
    if (topic.fifo) {
      dedupKey = this.checkFifo(topic, prepared);
      const now = this.options.clock.now();
      const seen = this.deduplication.get(dedupKey);
      if (seen && now - seen.at < FIFO_DEDUPLICATION_WINDOW_MS) return seen.result;
      this.sequence += 1n;
      sequenceNumber = this.sequence.toString().padStart(20, '0');
    }
    const notification: Notification = {
      messageId: randomUUID(),
      topicArn: topic.arn,
      subject: prepared.subject,
      timestamp: new Date(this.options.clock.now()).toISOString(),
      attributes: prepared.attributes,
      sequenceNumber,
    };
    const result: PublishResult = { messageId: notification.messageId, sequenceNumber };
    if (dedupKey) this.deduplication.set(dedupKey, { result, at: this.options.clock.now() });
    for (const subscription of this.subscriptionsOf(topic.arn)) {
      if (subscription.pendingConfirmation) continue;
      const message = messageFor(prepared, subscription.protocol);
      if (subscription.filterPolicy) {
        const policy = subscription.filterPolicy.compiled;
        const passes = subscription.filterPolicyScope === 'MessageBody' ? matchesBody(policy, message) : matchesAttributes(policy, prepared.attributes);
        if (!passes) continue;
      }
      this.fanOut.notify(topic, subscription, notification, message);
    }
    this.options.logger.debug(`published ${notification.messageId} to ${topic.arn}`);
    return result;
  }

  /** FIFO topics need a group id and a deduplication id or content-based deduplication (recorded texts: test_publish_batch_exceptions). */
  private checkFifo(topic: Topic, prepared: PreparedMessage): string {
    if (!prepared.messageGroupId) throw new InvalidParameter('The MessageGroupId parameter is required for FIFO topics');
    if (prepared.messageDeduplicationId) return `${topic.arn}\n${prepared.messageDeduplicationId}`;
    if (!topic.contentBasedDeduplication) {
      throw new InvalidParameter('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
    return `${topic.arn}\n${createHash('sha256').update(prepared.message).digest('hex')}`;
  }

  private requestConfirmation(topic: Topic, subscription: Subscription, type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation', pending: PendingToken): void {
    // Real tokens are long hex strings (e.g. the SubscriptionConfirmation sample in SendMessageToHttp.prepare.html).
    const token = randomBytes(128).toString('hex');
    this.tokens.set(token, pending);
    this.fanOut.confirm(topic, subscription, {
      type,
      messageId: randomUUID(),
      topicArn: topic.arn,
      subscriptionArn: subscription.arn,
      token,
      subscribeUrl: this.subscribeUrl(topic.arn, token),
      timestamp: new Date(this.options.clock.now()).toISOString(),
    });
  }

  private addTemplateSubscription(s: TemplateSubscription): void {
    const topic = this.topics.get(s.topicArn);
    if (!topic) {
      this.options.logger.warn(`${s.logicalId}: topic ${s.topicArn} is not a topic of the template; subscription ignored`);
      return;
    }
    const subscription = new Subscription({
      arn: s.arn,
      topicArn: s.topicArn,
      protocol: s.protocol,
      endpoint: s.endpoint,
      ownerAccountId: this.options.accountId,
      principalArn: this.options.principalArn,
      pendingConfirmation: !CONFIRMED_AT_ONCE.has(s.protocol),
      attributes: s.attributes,
    });
    this.subscriptions.set(subscription.arn, subscription);
    if (subscription.pendingConfirmation) {
      this.requestConfirmation(topic, subscription, 'SubscriptionConfirmation', { kind: 'subscribe', subscriptionArn: subscription.arn });
    }
  }

  private topic(parameter: string, topicArn: string): Topic {
    parseArn(parameter, topicArn);
    const topic = this.topics.get(topicArn);
    if (!topic) throw new NotFound('Topic');
    return topic;
  }

  private subscription(subscriptionArn: string): Subscription {
    parseArn('SubscriptionArn', subscriptionArn);
    const subscription = this.subscriptions.get(subscriptionArn);
    if (!subscription) throw new NotFound('Subscription');
    return subscription;
  }

  private subscriptionsOf(topicArn: string): Subscription[] {
    return [...this.subscriptions.values()].filter((s) => s.topicArn === topicArn);
  }

  private signingContext(topic: Topic): SigningContext {
    return {
      signer: this.options.signer,
      version: topic.signatureVersion,
      signingCertUrl: this.signingCertUrl,
      unsubscribeUrl: (arn) => this.unsubscribeUrl(arn),
    };
  }
}

/**
 * Endpoint checks per protocol. "Invalid parameter: SQS endpoint ARN" and the FIFO queue text
 * are recorded answers (test_subscribe_to_sqs_with_queue_url, test_validations_for_fifo); the
 * others are modelled on them.
 */
function checkEndpoint(protocol: Protocol, endpoint: string, topic: Topic): void {
  switch (protocol) {
    case 'sqs':
      if (!isArnOf(endpoint, 'sqs')) throw new InvalidParameter('SQS endpoint ARN');
      if (endpoint.endsWith('.fifo') && !topic.fifo) {
        throw new InvalidParameter('Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics');
      }
      return;
    case 'lambda':
      if (!isArnOf(endpoint, 'lambda')) throw new InvalidParameter('Lambda endpoint ARN');
      return;
    case 'http':
    case 'https':
      if (!endpoint.toLowerCase().startsWith(`${protocol}://`)) throw new InvalidParameter('Endpoint must match the specified protocol');
      return;
    case 'email':
    case 'email-json':
      if (!/^[^@\s]+@[^@\s]+$/.test(endpoint)) throw new InvalidParameter('Email address');
      return;
    default:
      return;
  }
}

/** Runs an attribute change, turning its refusal into SNS's InvalidParameter. */
function withAttributeReasons<T>(run: () => T, prefix: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SubscriptionAttributeError) throw new InvalidParameter(`${prefix}${error.reason}`);
    throw error;
  }
}

function settableAttributes(subscription: Subscription): Record<string, string> {
  const { FilterPolicy, FilterPolicyScope, RawMessageDelivery, RedrivePolicy, DeliveryPolicy } = subscription.attributes();
  return Object.fromEntries(
    Object.entries({ FilterPolicyScope, FilterPolicy, RawMessageDelivery, RedrivePolicy, DeliveryPolicy }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
}

function summary(s: Subscription): SubscriptionSummary {
  return {
    subscriptionArn: s.pendingConfirmation ? PENDING_CONFIRMATION_ARN : s.arn,
    owner: s.ownerAccountId,
    protocol: s.protocol,
    endpoint: s.endpoint,
    topicArn: s.topicArn,
  };
}

/** NextToken is the offset of the next page, opaque to callers. */
function paginate<T>(items: T[], nextToken: string | undefined): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken) {
    start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw new InvalidParameter('NextToken'); // wording not recorded
  }
  const end = start + LIST_PAGE_SIZE;
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
