// One queue's semantics, as the SQS API reference and developer guide describe them; no HTTP
// here. Time comes from the injected clock: delays, visibility timeouts, long polls, retention
// and the purge interval all move with it.
//
// - send: delay (per message or the queue's), attributes and their MD5, FIFO groups and
//   deduplication (API_SendMessage.html, sqs-delay-queues.html)
// - receive: up to 10, a new receipt handle per receive, the visibility timeout, long polling
//   that answers as soon as a message is available (API_ReceiveMessage.html,
//   sqs-short-and-long-polling.html)
// - redrive: a message received more than maxReceiveCount times moves to the dead-letter queue
//   instead of being delivered again (sqs-dead-letter-queues.html)
// - retention: messages older than MessageRetentionPeriod are gone, counted from the original
//   send even in a dead-letter queue, except that FIFO dead-letter queues restart the count
//   (setting-up-dead-letter-queue-retention.html)
// - purge: everything goes; a second purge within 60 s is refused (API_PurgeQueue.html)
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { contentDeduplicationId, DeduplicationWindow } from './deduplication';
import type { DeliveryOrder } from './deliveryOrder';
import { InvalidParameterValue, MessageNotInflight, MissingParameter, PurgeQueueInProgress, ReceiptHandleIsInvalid } from './errors';
import { FifoOrder } from './fifoOrder';
import { md5Hex, md5OfMessageAttributes, type MessageAttributes } from './md5';
import { receivedView, StoredMessage, type ReceivedMessage } from './message';
import { checkBody, checkMessageAttributes, checkMessageSize } from './messageValidation';
import { applyAttributes, MAX_DELAY_SECONDS, MAX_RECEIVE_WAIT_TIME, MAX_VISIBILITY_TIMEOUT, settingsAsAttributes, type QueueSettings } from './queueAttributes';
import { decodeReceiptHandle, encodeReceiptHandle } from './receiptHandle';
import { StandardOrder } from './standardOrder';

/** Messages per ReceiveMessage (API_ReceiveMessage.html: 1 to 10, default 1). */
export const MAX_RECEIVE_MESSAGES = 10;
/** A second PurgeQueue within this is PurgeQueueInProgress (API_PurgeQueue.html). */
export const PURGE_INTERVAL_MS = 60_000;
/** A message may stay hidden at most 12 hours from its receive (API_ChangeMessageVisibility.html). */
export const MAX_HIDDEN_MS = MAX_VISIBILITY_TIMEOUT * 1000;
/** FIFO ids (MessageGroupId, MessageDeduplicationId): up to 128 characters. */
export const MAX_FIFO_ID_LENGTH = 128;
const FIFO_ID = /^[\x21-\x7E]{1,128}$/;
/** First FIFO sequence number: 20 digits, like the ones SQS hands out. */
const FIFO_SEQUENCE_BASE = 18_000_000_000_000_000_000n;

export type QueueIdentity = { name: string; url: string; arn: string };

/** What a queue needs from the others: its dead-letter queue, found by ARN when a message moves. */
export interface QueueLinks {
  queueByArn(arn: string): Queue | undefined;
}

export type SendInput = {
  body: string;
  /** Seconds (0 to 900); the queue's DelaySeconds when absent. Standard queues only. */
  delaySeconds?: number;
  messageAttributes?: MessageAttributes;
  /** The only message system attribute SQS takes (X-Ray). */
  awsTraceHeader?: string;
  messageGroupId?: string;
  messageDeduplicationId?: string;
  /** SenderId of the message: the caller's IAM user id, or the account for local service deliveries. */
  senderId: string;
};

export type SendResult = {
  messageId: string;
  md5OfMessageBody: string;
  md5OfMessageAttributes?: string;
  md5OfMessageSystemAttributes?: string;
  sequenceNumber?: string;
};

export type ReceiveInput = {
  maxNumberOfMessages?: number;
  /** Seconds; the queue's VisibilityTimeout when absent. */
  visibilityTimeout?: number;
  /** Seconds (0 to 20); the queue's ReceiveMessageWaitTimeSeconds when absent. */
  waitTimeSeconds?: number;
  /** Milliseconds, for local callers (event source pollers); wins over waitTimeSeconds. */
  waitTimeMs?: number;
  /** Ends a long poll early with no messages (a client that went away must not take any). */
  signal?: AbortSignal;
};

type Waiter = {
  max: number;
  visibilityTimeout: number | undefined;
  resolve: (messages: ReceivedMessage[]) => void;
  timer: unknown;
  signal: AbortSignal | undefined;
  onAbort: () => void;
};

export class Queue {
  /** Tells this queue's receipt handles apart from those of a deleted queue of the same name. */
  readonly instanceId = randomUUID().slice(0, 8);
  readonly createdAt: number;
  private lastModifiedAt: number;
  private currentSettings: QueueSettings;
  tags: Record<string, string>;
  private readonly messages = new Map<number, StoredMessage>();
  private readonly order: DeliveryOrder;
  private readonly deduplication = new DeduplicationWindow();
  private nextSeq = 1;
  private lastPurgeAt: number | undefined;
  private readonly waiters: Waiter[] = [];
  private wakeTimer: unknown;
  private wakeAt: number | undefined;
  private deleted = false;
  private warnedMissingDeadLetterQueue = false;

  constructor(
    readonly identity: QueueIdentity,
    settings: QueueSettings,
    tags: Record<string, string>,
    private readonly clock: Clock,
    private readonly links: QueueLinks,
    private readonly logger: Logger,
  ) {
    this.currentSettings = settings;
    this.tags = { ...tags };
    this.createdAt = clock.now();
    this.lastModifiedAt = this.createdAt;
    this.order = settings.fifoQueue ? new FifoOrder() : new StandardOrder();
  }

  get name(): string {
    return this.identity.name;
  }

  get url(): string {
    return this.identity.url;
  }

  get arn(): string {
    return this.identity.arn;
  }

  get settings(): Readonly<QueueSettings> {
    return this.currentSettings;
  }

  get isFifo(): boolean {
    return this.currentSettings.fifoQueue;
  }

  // ---- send ----

  send(input: SendInput): SendResult {
    const { body } = input;
    checkBody(body);
    const attributeBytes = checkMessageAttributes(input.messageAttributes);
    checkMessageSize(Buffer.byteLength(body) + attributeBytes, this.currentSettings.maximumMessageSize);
    const now = this.clock.now();
    const messageAttributes = input.messageAttributes && Object.keys(input.messageAttributes).length > 0 ? input.messageAttributes : undefined;
    const md5OfBody = md5Hex(body);
    const md5OfAttributes = md5OfMessageAttributes(messageAttributes);
    const md5OfMessageSystemAttributes =
      input.awsTraceHeader === undefined ? undefined : md5OfMessageAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: input.awsTraceHeader } });
    const result = (messageId: string, sequenceNumber?: string): SendResult => ({
      messageId,
      md5OfMessageBody: md5OfBody,
      ...(md5OfAttributes && { md5OfMessageAttributes: md5OfAttributes }),
      ...(md5OfMessageSystemAttributes && { md5OfMessageSystemAttributes }),
      ...(sequenceNumber && { sequenceNumber }),
    });

    if (input.messageGroupId !== undefined) checkFifoId('MessageGroupId', input.messageGroupId);
    let fifo: { deduplicationId: string; sequenceNumber: string } | undefined;
    let deduplicationKey = '';
    let delaySeconds = this.currentSettings.delaySeconds;
    if (this.isFifo) {
      if (input.delaySeconds !== undefined) {
        // FIFO queues take a delay per queue only (sqs-delay-queues.html).
        throw InvalidParameterValue.of('DelaySeconds', input.delaySeconds, 'The request include parameter that is not valid for this queue type.');
      }
      if (input.messageGroupId === undefined) throw new MissingParameter('MessageGroupId');
      const deduplicationId = input.messageDeduplicationId ?? (this.currentSettings.contentBasedDeduplication ? contentDeduplicationId(body) : undefined);
      if (deduplicationId === undefined) {
        // (local wording)
        throw new InvalidParameterValue('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
      }
      checkFifoId('MessageDeduplicationId', deduplicationId);
      deduplicationKey = this.currentSettings.deduplicationScope === 'messageGroup' ? `${input.messageGroupId}\n${deduplicationId}` : deduplicationId;
      const first = this.deduplication.find(deduplicationKey, now);
      if (first) return result(first.messageId, first.sequenceNumber);
      fifo = { deduplicationId, sequenceNumber: (FIFO_SEQUENCE_BASE + BigInt(this.nextSeq)).toString() };
    } else {
      if (input.messageDeduplicationId !== undefined) {
        throw InvalidParameterValue.of('MessageDeduplicationId', input.messageDeduplicationId, 'The request include parameter that is not valid for this queue type.');
      }
      if (input.delaySeconds !== undefined) {
        if (!Number.isInteger(input.delaySeconds) || input.delaySeconds < 0 || input.delaySeconds > MAX_DELAY_SECONDS) {
          throw InvalidParameterValue.of('DelaySeconds', input.delaySeconds, `DelaySeconds must be >= 0 and <= ${MAX_DELAY_SECONDS}.`);
        }
        delaySeconds = input.delaySeconds;
      }
    }

    const message = new StoredMessage(
      this.nextSeq++,
      randomUUID(),
      body,
      md5OfBody,
      messageAttributes,
      md5OfAttributes,
      input.senderId,
      now,
      now,
      now + delaySeconds * 1000,
      input.awsTraceHeader,
      input.messageGroupId,
      fifo,
      undefined,
    );
    if (fifo) this.deduplication.remember(deduplicationKey, { messageId: message.messageId, sequenceNumber: fifo.sequenceNumber }, now);
    this.enqueue(message);
    return result(message.messageId, fifo?.sequenceNumber);
  }

  /** A message moved here by the redrive policy of `sourceArn`: same id, body, attributes and receive count. */
  acceptDeadLetter(source: StoredMessage, sourceArn: string): void {
    const now = this.clock.now();
    const message = new StoredMessage(
      this.nextSeq,
      source.messageId,
      source.body,
      source.md5OfBody,
      source.messageAttributes,
      source.md5OfMessageAttributes,
      source.senderId,
      source.sentAt,
      this.isFifo ? now : source.enqueuedAt,
      now,
      source.awsTraceHeader,
      source.messageGroupId,
      this.isFifo ? { deduplicationId: source.fifo?.deduplicationId ?? source.messageId, sequenceNumber: (FIFO_SEQUENCE_BASE + BigInt(this.nextSeq)).toString() } : undefined,
      sourceArn,
    );
    this.nextSeq += 1;
    message.receiveCount = source.receiveCount;
    message.firstReceivedAt = source.firstReceivedAt;
    this.enqueue(message);
  }

  // ---- receive ----

  /** Receives what is available now, without waiting. */
  receiveNow(maxNumberOfMessages: number, visibilityTimeout?: number): ReceivedMessage[] {
    const now = this.clock.now();
    const hiddenFor = (visibilityTimeout ?? this.currentSettings.visibilityTimeout) * 1000;
    const received: ReceivedMessage[] = [];
    this.order.visitReceivable(now, maxNumberOfMessages, (message) => {
      if (this.isExpired(message, now)) {
        this.drop(message);
        return false;
      }
      if (this.redrive(message)) return false;
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.receivedAt = now;
      message.receiptHandle = encodeReceiptHandle({ queueId: this.instanceId, seq: message.seq, receive: message.receiveCount });
      message.availableAt = now + hiddenFor;
      this.order.moved(message);
      received.push(receivedView(message));
      return true;
    });
    return received;
  }

  /** ReceiveMessage: answers at once when messages are available, else waits up to the wait time for one. */
  receive(input: ReceiveInput = {}): Promise<ReceivedMessage[]> {
    const max = input.maxNumberOfMessages ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > MAX_RECEIVE_MESSAGES) {
      throw InvalidParameterValue.of('MaxNumberOfMessages', max, `Must be between 1 and ${MAX_RECEIVE_MESSAGES}, if provided.`);
    }
    const { visibilityTimeout } = input;
    if (visibilityTimeout !== undefined && (!Number.isInteger(visibilityTimeout) || visibilityTimeout < 0 || visibilityTimeout > MAX_VISIBILITY_TIMEOUT)) {
      throw InvalidParameterValue.of('VisibilityTimeout', visibilityTimeout, `Must be >= 0 and <= ${MAX_VISIBILITY_TIMEOUT}, if provided.`);
    }
    const waitSeconds = input.waitTimeSeconds;
    if (waitSeconds !== undefined && (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > MAX_RECEIVE_WAIT_TIME)) {
      throw InvalidParameterValue.of('WaitTimeSeconds', waitSeconds, `Must be >= 0 and <= ${MAX_RECEIVE_WAIT_TIME}, if provided.`);
    }
    const waitMs = input.waitTimeMs ?? (waitSeconds ?? this.currentSettings.receiveMessageWaitTimeSeconds) * 1000;
    const ready = this.deleted ? [] : this.receiveNow(max, visibilityTimeout);
    if (ready.length > 0 || waitMs <= 0 || this.deleted || input.signal?.aborted) {
      this.notify();
      return Promise.resolve(ready);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        max,
        visibilityTimeout,
        resolve,
        timer: undefined,
        signal: input.signal,
        onAbort: () => this.finishWaiter(waiter, []),
      };
      waiter.timer = this.clock.setTimeout(() => this.finishWaiter(waiter, []), waitMs);
      input.signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.notify();
    });
  }

  // ---- delete and visibility ----

  /**
   * DeleteMessage. A handle from an earlier receive of a message received again since is
   * accepted without deleting it ("the request will succeed, but the message might not be
   * deleted", API_DeleteMessage.html); a message already gone is accepted too.
   */
  deleteMessage(receiptHandle: string): void {
    const message = this.messageOf(receiptHandle);
    if (!message) return;
    if (message.receiptHandle !== receiptHandle) {
      this.logger.debug(`${this.name}: DeleteMessage with a stale receipt handle for ${message.messageId} (received again since); not deleted`);
      return;
    }
    if (this.isFifo && !message.isInFlight(this.clock.now())) {
      // FIFO queues refuse handles whose visibility timeout ran out (troubleshooting-api-errors.html).
      throw expiredHandle(receiptHandle);
    }
    this.drop(message);
  }

  /** ChangeMessageVisibility: the new timeout counts from now, within 12 hours of the receive. */
  changeVisibility(receiptHandle: string, visibilityTimeout: number): void {
    if (!Number.isInteger(visibilityTimeout) || visibilityTimeout < 0 || visibilityTimeout > MAX_VISIBILITY_TIMEOUT) {
      throw InvalidParameterValue.of('VisibilityTimeout', visibilityTimeout, `Must be >= 0 and <= ${MAX_VISIBILITY_TIMEOUT}.`);
    }
    const message = this.messageOf(receiptHandle);
    if (!message || message.receiptHandle !== receiptHandle) throw expiredHandle(receiptHandle);
    const now = this.clock.now();
    if (!message.isInFlight(now)) throw new MessageNotInflight();
    const until = now + visibilityTimeout * 1000;
    if (until > message.receivedAt! + MAX_HIDDEN_MS) {
      // (local wording) "If you attempt to set the VisibilityTimeout to a value greater than the
      // maximum time left, Amazon SQS returns an error." (API_ChangeMessageVisibility.html)
      throw InvalidParameterValue.of('VisibilityTimeout', visibilityTimeout, `Total VisibilityTimeout for the message is beyond the limit [${MAX_VISIBILITY_TIMEOUT} seconds].`);
    }
    message.availableAt = until;
    this.order.moved(message);
    this.notify();
  }

  // ---- queue operations ----

  purge(): void {
    const now = this.clock.now();
    if (this.lastPurgeAt !== undefined && now - this.lastPurgeAt < PURGE_INTERVAL_MS) throw new PurgeQueueInProgress(this.name);
    this.lastPurgeAt = now;
    this.messages.clear();
    this.order.clear();
    this.notify();
  }

  setAttributes(attributes: Record<string, string>): void {
    this.currentSettings = applyAttributes(this.currentSettings, attributes, { creating: false });
    this.lastModifiedAt = this.clock.now();
    this.notify();
  }

  /** Every attribute GetQueueAttributes can answer. */
  attributes(): Record<string, string> {
    const counts = this.counts();
    return {
      QueueArn: this.arn,
      ApproximateNumberOfMessages: String(counts.visible),
      ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
      ApproximateNumberOfMessagesDelayed: String(counts.delayed),
      // Epoch seconds, as the API reference says of both.
      CreatedTimestamp: String(Math.floor(this.createdAt / 1000)),
      LastModifiedTimestamp: String(Math.floor(this.lastModifiedAt / 1000)),
      ...settingsAsAttributes(this.currentSettings),
    };
  }

  /** Exact counts (the API calls them approximate); drops expired messages on the way. */
  counts(): { visible: number; inFlight: number; delayed: number } {
    const now = this.clock.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const message of this.messages.values()) {
      if (this.isExpired(message, now)) {
        this.drop(message);
      } else if (message.availableAt <= now) {
        visible += 1;
      } else if (message.receiptHandle === undefined) {
        delayed += 1;
      } else {
        inFlight += 1;
      }
    }
    return { visible, inFlight, delayed };
  }

  /** DeleteQueue: waiting receives end empty, and the messages are gone. */
  close(): void {
    this.deleted = true;
    for (const waiter of [...this.waiters]) this.finishWaiter(waiter, []);
    this.messages.clear();
    this.order.clear();
    this.deduplication.clear();
    this.clearWake();
  }

  // ---- internals ----

  private enqueue(message: StoredMessage): void {
    this.messages.set(message.seq, message);
    this.order.add(message);
    this.notify();
  }

  private drop(message: StoredMessage): void {
    this.messages.delete(message.seq);
    this.order.remove(message);
  }

  private isExpired(message: StoredMessage, now: number): boolean {
    return now >= message.enqueuedAt + this.currentSettings.messageRetentionPeriod * 1000;
  }

  /** Moves a message that was received maxReceiveCount times to the dead-letter queue; true if it moved. */
  private redrive(message: StoredMessage): boolean {
    const policy = this.currentSettings.redrivePolicy;
    if (!policy || message.receiveCount < policy.maxReceiveCount) return false;
    const deadLetterQueue = this.links.queueByArn(policy.deadLetterTargetArn);
    if (!deadLetterQueue || deadLetterQueue === this) {
      if (!this.warnedMissingDeadLetterQueue) {
        this.warnedMissingDeadLetterQueue = true;
        this.logger.warn(`${this.name}: dead-letter queue ${policy.deadLetterTargetArn} does not exist; messages stay in the queue`);
      }
      return false;
    }
    this.drop(message);
    deadLetterQueue.acceptDeadLetter(message, this.arn);
    return true;
  }

  private messageOf(receiptHandle: string): StoredMessage | undefined {
    const parts = decodeReceiptHandle(receiptHandle);
    if (!parts || parts.queueId !== this.instanceId) throw new ReceiptHandleIsInvalid(receiptHandle);
    return this.messages.get(parts.seq);
  }

  /** Serves waiting receives with what is available, then sets the one timer for the next message to come back. */
  private notify(): void {
    while (this.waiters.length > 0) {
      const waiter = this.waiters[0]!;
      const messages = this.receiveNow(waiter.max, waiter.visibilityTimeout);
      if (messages.length === 0) break;
      this.finishWaiter(waiter, messages);
    }
    this.armWake();
  }

  private armWake(): void {
    if (this.waiters.length === 0) return this.clearWake();
    const now = this.clock.now();
    const at = this.order.nextAvailableAt(now);
    if (at === undefined) return this.clearWake();
    if (at === this.wakeAt) return;
    this.clearWake();
    this.wakeAt = at;
    this.wakeTimer = this.clock.setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = undefined;
      this.notify();
    }, at - now);
  }

  private clearWake(): void {
    if (this.wakeTimer !== undefined) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = undefined;
  }

  private finishWaiter(waiter: Waiter, messages: ReceivedMessage[]): void {
    const index = this.waiters.indexOf(waiter);
    if (index < 0) return;
    this.waiters.splice(index, 1);
    this.clock.clearTimeout(waiter.timer);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.resolve(messages);
    if (this.waiters.length === 0) this.clearWake();
  }
}

function expiredHandle(receiptHandle: string): InvalidParameterValue {
  // Text of troubleshooting-api-errors.html.
  return InvalidParameterValue.of('ReceiptHandle', receiptHandle, 'The receipt handle has expired.');
}

function checkFifoId(parameter: string, value: string): void {
  if (typeof value !== 'string' || !FIFO_ID.test(value)) {
    throw InvalidParameterValue.of(parameter, value, `${parameter} can only include alphanumeric and punctuation characters. 1 to ${MAX_FIFO_ID_LENGTH} in length.`); // (local wording)
  }
}
