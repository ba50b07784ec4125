// A queue's settable attributes: their defaults and ranges, read from the strings CreateQueue,
// SetQueueAttributes and the template give, and written back as GetQueueAttributes answers.
// Defaults and ranges: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
// and API_SetQueueAttributes.html (the texts @aws-sdk/client-sqs 3.1175 carries in its models:
// MaximumMessageSize up to 1 MiB since 2025).
import { InvalidAttributeName, InvalidAttributeValue } from './errors';

/** Seconds a received message stays hidden: 0 to 12 hours, default 30. */
export const DEFAULT_VISIBILITY_TIMEOUT = 30;
export const MAX_VISIBILITY_TIMEOUT = 43_200;
/** Seconds a new message stays hidden: 0 to 15 minutes, default 0. */
export const MAX_DELAY_SECONDS = 900;
/** Bytes: 1 KiB to 1 MiB, default 1 MiB. */
export const MIN_MAXIMUM_MESSAGE_SIZE = 1_024;
export const MAX_MAXIMUM_MESSAGE_SIZE = 1_048_576;
/** Seconds: 1 minute to 14 days, default 4 days. */
export const MIN_RETENTION_PERIOD = 60;
export const MAX_RETENTION_PERIOD = 1_209_600;
export const DEFAULT_RETENTION_PERIOD = 345_600;
/** Seconds ReceiveMessage waits by default: 0 to 20. */
export const MAX_RECEIVE_WAIT_TIME = 20;
/** RedrivePolicy.maxReceiveCount: 1 to 1,000 (dead-letter queue guide; default 10 in the API reference). */
export const MAX_MAX_RECEIVE_COUNT = 1_000;
export const DEFAULT_MAX_RECEIVE_COUNT = 10;

export type RedrivePolicy = { deadLetterTargetArn: string; maxReceiveCount: number };

export type QueueSettings = {
  visibilityTimeout: number;
  delaySeconds: number;
  maximumMessageSize: number;
  messageRetentionPeriod: number;
  receiveMessageWaitTimeSeconds: number;
  redrivePolicy?: RedrivePolicy;
  fifoQueue: boolean;
  contentBasedDeduplication: boolean;
  deduplicationScope: 'queue' | 'messageGroup';
  fifoThroughputLimit: 'perQueue' | 'perMessageGroupId';
  /** Kept as given and answered back, without effect locally (Policy, KMS, RedriveAllowPolicy, ...). */
  passive: Record<string, string>;
};

export function defaultSettings(fifoQueue: boolean): QueueSettings {
  return {
    visibilityTimeout: DEFAULT_VISIBILITY_TIMEOUT,
    delaySeconds: 0,
    maximumMessageSize: MAX_MAXIMUM_MESSAGE_SIZE,
    messageRetentionPeriod: DEFAULT_RETENTION_PERIOD,
    receiveMessageWaitTimeSeconds: 0,
    fifoQueue,
    contentBasedDeduplication: false,
    deduplicationScope: 'queue',
    fifoThroughputLimit: 'perQueue',
    // New queues get SSE-SQS unless told otherwise (the API reference's SqsManagedSseEnabled).
    passive: { SqsManagedSseEnabled: 'true' },
  };
}

/** Attributes only GetQueueAttributes answers. */
export const READ_ONLY_ATTRIBUTES = new Set([
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
]);

const PASSIVE_ATTRIBUTES = new Set(['Policy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled']);
const FIFO_ONLY_ATTRIBUTES = new Set(['ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);

type Mode = { creating: boolean };

/**
 * Applies attribute strings to settings, checking each as SQS does. `FifoQueue` is taken only
 * when creating (it cannot change afterwards).
 */
export function applyAttributes(settings: QueueSettings, attributes: Record<string, string>, mode: Mode): QueueSettings {
  const next: QueueSettings = { ...settings, passive: { ...settings.passive } };
  for (const [name, raw] of Object.entries(attributes)) {
    const value = String(raw);
    switch (name) {
      case 'VisibilityTimeout':
        next.visibilityTimeout = integerIn(name, value, 0, MAX_VISIBILITY_TIMEOUT);
        break;
      case 'DelaySeconds':
        next.delaySeconds = integerIn(name, value, 0, MAX_DELAY_SECONDS);
        break;
      case 'MaximumMessageSize':
        next.maximumMessageSize = integerIn(name, value, MIN_MAXIMUM_MESSAGE_SIZE, MAX_MAXIMUM_MESSAGE_SIZE);
        break;
      case 'MessageRetentionPeriod':
        next.messageRetentionPeriod = integerIn(name, value, MIN_RETENTION_PERIOD, MAX_RETENTION_PERIOD);
        break;
      case 'ReceiveMessageWaitTimeSeconds':
        next.receiveMessageWaitTimeSeconds = integerIn(name, value, 0, MAX_RECEIVE_WAIT_TIME);
        break;
      case 'RedrivePolicy':
        next.redrivePolicy = value === '' ? undefined : parseRedrivePolicy(value);
        break;
      case 'FifoQueue':
        if (!mode.creating) throw new InvalidAttributeName(name);
        next.fifoQueue = booleanOf(name, value);
        break;
      case 'ContentBasedDeduplication':
        next.contentBasedDeduplication = booleanOf(name, value);
        break;
      case 'DeduplicationScope':
        next.deduplicationScope = oneOf(name, value, ['queue', 'messageGroup'] as const);
        break;
      case 'FifoThroughputLimit':
        next.fifoThroughputLimit = oneOf(name, value, ['perQueue', 'perMessageGroupId'] as const);
        break;
      default:
        if (!PASSIVE_ATTRIBUTES.has(name)) throw new InvalidAttributeName(name);
        next.passive[name] = value;
    }
  }
  for (const name of Object.keys(attributes)) {
    if (FIFO_ONLY_ATTRIBUTES.has(name) && !next.fifoQueue) throw new InvalidAttributeName(name);
  }
  return next;
}

/** `{"deadLetterTargetArn": "...", "maxReceiveCount": N}`; SQS takes the count as a number or a numeric string. */
export function parseRedrivePolicy(value: string): RedrivePolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidAttributeValue('RedrivePolicy', 'Redrive policy is not a valid JSON map.');
  }
  const policy = parsed as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  if (typeof policy !== 'object' || policy === null || typeof policy.deadLetterTargetArn !== 'string') {
    throw new InvalidAttributeValue('RedrivePolicy', 'Dead-letter target ARN is missing or not a string.');
  }
  const count = Number(policy.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT);
  if (!Number.isInteger(count) || count < 1 || count > MAX_MAX_RECEIVE_COUNT) {
    throw new InvalidAttributeValue('RedrivePolicy', `Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
  return { deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount: count };
}

/** The settable attributes as GetQueueAttributes answers them. */
export function settingsAsAttributes(settings: QueueSettings): Record<string, string> {
  const out: Record<string, string> = {
    VisibilityTimeout: String(settings.visibilityTimeout),
    DelaySeconds: String(settings.delaySeconds),
    MaximumMessageSize: String(settings.maximumMessageSize),
    MessageRetentionPeriod: String(settings.messageRetentionPeriod),
    ReceiveMessageWaitTimeSeconds: String(settings.receiveMessageWaitTimeSeconds),
    ...settings.passive,
  };
  if (settings.redrivePolicy) out.RedrivePolicy = JSON.stringify(settings.redrivePolicy);
  if (settings.fifoQueue) {
    out.FifoQueue = 'true';
    out.ContentBasedDeduplication = String(settings.contentBasedDeduplication);
    out.DeduplicationScope = settings.deduplicationScope;
    out.FifoThroughputLimit = settings.fifoThroughputLimit;
  }
  return out;
}

function integerIn(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new InvalidAttributeValue(name);
  return n;
}

function booleanOf(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidAttributeValue(name);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidAttributeValue(name);
  return value as T;
}
