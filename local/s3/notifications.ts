// Bucket event notifications: which configurations an object event matches (event type and
// key prefix/suffix rules), the event record S3 sends, and its delivery to queues, topics and
// functions through LocalServices. No HTTP here.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { FunctionTarget, QueueTarget, TopicTarget } from '../shared/localServices';
import { S3Error } from './errors';

/**
 * The event record version. The structure page says S3 moved every event type to one version
 * from 2.4 on and shows 2.5; real ObjectCreated:Put records carry "2.5" since S3 added
 * `awsGeneratedTags` (https://aws.amazon.com/about-aws/whats-new/2026/07/amazon-s3-event-notifications-system-generated-tags/).
 */
export const EVENT_VERSION = '2.5';
/** SNS subject of S3's messages (https://github.com/localstack/localstack/pull/574, real messages in https://github.com/fredliporace/cbers-2-stac/issues/45). */
export const SNS_SUBJECT = 'Amazon S3 Notification';

export type S3EventName =
  | 'ObjectCreated:Put'
  | 'ObjectCreated:Post'
  | 'ObjectCreated:Copy'
  | 'ObjectCreated:CompleteMultipartUpload'
  | 'ObjectRemoved:Delete'
  | 'ObjectRemoved:DeleteMarkerCreated';

export type DestinationKind = 'queue' | 'topic' | 'function';

/** One configuration, whichever form it came in. */
export type NotificationRule = {
  id: string;
  kind: DestinationKind;
  arn: string;
  /** As configured: `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`, … */
  events: string[];
  prefix?: string;
  suffix?: string;
};

export type NotificationConfig = NotificationRule[];

type FilterRule = { Name?: string; Value?: string };
type CfnFilter = { S3Key?: { Rules?: FilterRule[] } };
type ApiFilter = { Key?: { FilterRules?: FilterRule[] } };

/** `AWS::S3::Bucket` NotificationConfiguration (CloudFormation's spelling: one Event per entry). */
export type CfnNotificationConfiguration = {
  LambdaConfigurations?: { Event: string; Function: string; Filter?: CfnFilter }[];
  QueueConfigurations?: { Event: string; Queue: string; Filter?: CfnFilter }[];
  TopicConfigurations?: { Event: string; Topic: string; Filter?: CfnFilter }[];
  EventBridgeConfiguration?: unknown;
};

/** PutBucketNotificationConfiguration's shape, which CDK's custom resource passes on. */
export type ApiNotificationConfiguration = {
  LambdaFunctionConfigurations?: { Id?: string; LambdaFunctionArn: string; Events: string[]; Filter?: ApiFilter }[];
  QueueConfigurations?: { Id?: string; QueueArn: string; Events: string[]; Filter?: ApiFilter }[];
  TopicConfigurations?: { Id?: string; TopicArn: string; Events: string[]; Filter?: ApiFilter }[];
  EventBridgeConfiguration?: unknown;
};

/** Reads either form (they differ in names: Function vs LambdaFunctionArn, S3Key.Rules vs Key.FilterRules). */
export function notificationRules(config: CfnNotificationConfiguration | ApiNotificationConfiguration | undefined): NotificationConfig {
  if (!config) return [];
  const rules: NotificationRule[] = [];
  const add = (kind: DestinationKind, arn: string, events: string[], id: string | undefined, filterRules: FilterRule[] | undefined) => {
    const rule: NotificationRule = { id: id ?? '', kind, arn, events };
    for (const filter of filterRules ?? []) {
      const name = (filter.Name ?? '').toLowerCase();
      if (name !== 'prefix' && name !== 'suffix') {
        // S3's wording as remembered, not found in a source here.
        throw new S3Error('InvalidArgument', 'filter rule name must be either prefix or suffix', { ArgumentName: 'FilterRule.Name', ArgumentValue: filter.Name ?? '' });
      }
      if (rule[name] !== undefined) {
        // Each rule type at most once (aws-properties-s3-bucket-s3keyfilter.html); S3's wording as remembered.
        throw new S3Error('InvalidArgument', 'Cannot specify more than one prefix rule in a filter.'.replace('prefix', name), {
          ArgumentName: 'FilterRule.Name',
          ArgumentValue: name,
        });
      }
      rule[name] = filter.Value ?? '';
    }
    // S3 assigns an id when none is given; a stable one keeps restarts comparable.
    if (!rule.id) rule.id = createHash('sha256').update(JSON.stringify([kind, arn, events, rule.prefix, rule.suffix])).digest('base64').slice(0, 32);
    rules.push(rule);
  };
  // Queue and topic entries share a list name in both forms; tell them apart by their fields.
  type AnyEntry = { Event?: string; Events?: string[]; Id?: string; Queue?: string; QueueArn?: string; Topic?: string; TopicArn?: string; Filter?: CfnFilter & ApiFilter };
  const c = config as { QueueConfigurations?: AnyEntry[]; TopicConfigurations?: AnyEntry[] } & CfnNotificationConfiguration & ApiNotificationConfiguration;
  const fromEntry = (kind: DestinationKind, entry: AnyEntry, cfnArn: string | undefined, apiArn: string | undefined) => {
    if (cfnArn !== undefined) add(kind, cfnArn, [String(entry.Event)], undefined, entry.Filter?.S3Key?.Rules);
    else add(kind, String(apiArn), entry.Events ?? [], entry.Id, entry.Filter?.Key?.FilterRules);
  };
  for (const q of (c.QueueConfigurations ?? []) as AnyEntry[]) fromEntry('queue', q, q.Queue, q.QueueArn);
  for (const t of (c.TopicConfigurations ?? []) as AnyEntry[]) fromEntry('topic', t, t.Topic, t.TopicArn);
  for (const l of c.LambdaConfigurations ?? []) add('function', String(l.Function), [String(l.Event)], undefined, l.Filter?.S3Key?.Rules);
  for (const l of c.LambdaFunctionConfigurations ?? []) add('function', l.LambdaFunctionArn, l.Events, l.Id, l.Filter?.Key?.FilterRules);
  checkOverlaps(rules);
  return rules;
}

/** Whether a configured event type (`s3:ObjectCreated:*`) covers an event (`ObjectCreated:Put`). */
export function eventMatches(configured: string, event: S3EventName): boolean {
  const name = configured.replace(/^s3:/, '');
  if (name.endsWith(':*')) return event.startsWith(name.slice(0, -1));
  return name === event;
}

/**
 * Whether a key passes a rule's prefix and suffix. S3's guide asks for special characters
 * in filter values to be URL-encoded, so a value matches the key either as stored or in the
 * encoded form the event carries.
 */
export function keyMatches(rule: Pick<NotificationRule, 'prefix' | 'suffix'>, key: string): boolean {
  const forms = [key, eventKey(key)];
  return forms.some((k) => (rule.prefix === undefined || k.startsWith(rule.prefix)) && (rule.suffix === undefined || k.endsWith(rule.suffix)));
}

export function matchingRules(config: NotificationConfig, event: S3EventName, key: string): NotificationRule[] {
  return config.filter((rule) => rule.events.some((e) => eventMatches(e, event)) && keyMatches(rule, key));
}

/**
 * The key as event records carry it: form-encoded, a space as `+` and slashes kept, e.g.
 * "red flower.jpg" -> "red+flower.jpg" (notification-content-structure.html) and
 * "pub/firefox/…/firefox-55.0b12.json" unchanged (a real record:
 * https://github.com/mozilla-services/buildhub/issues/281). Other characters are escaped
 * as Java's URLEncoder does, which leaves only letters, digits and `.-*_` alone.
 */
export function eventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * S3 refuses configurations that could send one event to two places: rules whose event
 * types intersect and whose prefixes and suffixes both overlap. Its two answers, as real S3
 * gives them: without filters "Configurations overlap…" (https://github.com/minio/minio/issues/2472),
 * with overlapping filters "Configuration is ambiguously defined…"
 * (https://github.com/aws-solutions/aws-waf-security-automations/issues/49).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
 */
function checkOverlaps(rules: NotificationRule[]): void {
  const overlap = (a?: string, b?: string, at: 'start' | 'end' = 'start') =>
    a === undefined || b === undefined || (at === 'start' ? a.startsWith(b) || b.startsWith(a) : a.endsWith(b) || b.endsWith(a));
  const shared = (a: string[], b: string[]) =>
    a.filter((x) => b.some((y) => x === y || (x.endsWith(':*') && y.startsWith(x.slice(0, -1))) || (y.endsWith(':*') && x.startsWith(y.slice(0, -1)))));
  const unfiltered = (r: NotificationRule) => r.prefix === undefined && r.suffix === undefined;
  for (let i = 0; i < rules.length; i += 1) {
    for (let j = i + 1; j < rules.length; j += 1) {
      const [a, b] = [rules[i]!, rules[j]!];
      const common = shared(a.events, b.events);
      if (common.length === 0 || !overlap(a.prefix, b.prefix) || !overlap(a.suffix, b.suffix, 'end')) continue;
      if (unfiltered(a) && unfiltered(b)) {
        throw new S3Error('InvalidArgument', 'Configurations overlap. Configurations on the same bucket cannot share a common event type.', {
          ArgumentName: 'Event',
          ArgumentValue: `${common[0]}, ${common[0]}`,
        });
      }
      throw new S3Error(
        'InvalidArgument',
        'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.',
        { ArgumentName: 'Event', ArgumentValue: common[0]! },
      );
    }
  }
}

/** What S3 knows about the request that caused an event. */
export type EventContext = {
  requestId: string;
  hostId: string;
  sourceIp: string;
  /** `AWS:<principal id>` of the caller. */
  principalId: string;
};

export type ObjectEvent = {
  bucket: string;
  eventName: S3EventName;
  key: string;
  /** For ObjectCreated events. */
  size?: number;
  /** Without quotes, as records carry it. */
  etag?: string;
  sequencer: string;
  context: EventContext;
};

export type BucketIdentity = {
  region: string;
  ownerPrincipalId: string;
  /** `aws:*` tags of the bucket (CloudFormation adds three to template buckets). */
  awsGeneratedTags?: Record<string, string>;
};

export function eventRecord(event: ObjectEvent, configurationId: string, bucket: BucketIdentity, eventTime: string) {
  const object =
    event.size !== undefined
      ? { key: eventKey(event.key), size: event.size, eTag: event.etag ?? '', sequencer: event.sequencer }
      : { key: eventKey(event.key), sequencer: event.sequencer };
  return {
    eventVersion: EVENT_VERSION,
    eventSource: 'aws:s3',
    awsRegion: bucket.region,
    eventTime,
    eventName: event.eventName,
    userIdentity: { principalId: event.context.principalId },
    requestParameters: { sourceIPAddress: event.context.sourceIp },
    responseElements: { 'x-amz-request-id': event.context.requestId, 'x-amz-id-2': event.context.hostId },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: {
        name: event.bucket,
        ownerIdentity: { principalId: bucket.ownerPrincipalId },
        arn: `arn:aws:s3:::${event.bucket}`,
        ...(bucket.awsGeneratedTags ? { awsGeneratedTags: bucket.awsGeneratedTags } : {}),
      },
      object,
    },
  };
}

/** The message S3 sends to queues and topics when their configuration is set (not to functions). */
export function testEvent(bucket: string, time: string, requestId: string, hostId: string) {
  return { Service: 'Amazon S3', Event: 's3:TestEvent', Time: time, Bucket: bucket, RequestId: requestId, HostId: hostId };
}

export type NotificationTargets = QueueTarget & TopicTarget & FunctionTarget;

/** Delivers events, one message per matching configuration, without holding up the request. */
export class NotificationDelivery {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly targets: NotificationTargets,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  deliver(config: NotificationConfig, event: ObjectEvent, bucket: BucketIdentity): void {
    const eventTime = new Date(this.clock.now()).toISOString();
    for (const rule of matchingRules(config, event.eventName, event.key)) {
      const message = { Records: [eventRecord(event, rule.id, bucket, eventTime)] };
      this.send(rule, message, `${event.eventName} s3://${event.bucket}/${event.key}`);
    }
  }

  deliverTestEvents(config: NotificationConfig, bucket: string, requestId: string, hostId: string): void {
    const message = testEvent(bucket, new Date(this.clock.now()).toISOString(), requestId, hostId);
    for (const rule of config) if (rule.kind !== 'function') this.send(rule, message, `s3:TestEvent for ${bucket}`);
  }

  /** Resolves once every delivery started so far has finished (tests wait on it). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private send(rule: NotificationRule, message: unknown, what: string): void {
    const body = JSON.stringify(message);
    const delivery = (async () => {
      if (rule.kind === 'queue') await this.targets.sendToQueue(rule.arn, { body });
      else if (rule.kind === 'topic') await this.targets.publishToTopic(rule.arn, { message: body, subject: SNS_SUBJECT });
      else await this.targets.invokeFunction(rule.arn, message, 'Event');
      this.logger.debug(`${what} -> ${rule.arn}`);
    })().catch((error: unknown) => this.logger.warn(`could not deliver ${what} to ${rule.arn}: ${(error as Error).message}`));
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }
}
