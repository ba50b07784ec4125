// A message as a queue keeps it, and the view of one receive of it.
// System attributes: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html
import type { MessageAttributes } from './md5';

export type FifoFields = { deduplicationId: string; sequenceNumber: string };

export class StoredMessage {
  /** Position in the queue's availability heap (standard queues); -1 when not in it. */
  heapIndex = -1;
  receiveCount = 0;
  firstReceivedAt: number | undefined;
  /** When the latest receive happened: a message may stay hidden at most 12 hours from it. */
  receivedAt: number | undefined;
  /** The handle of the latest receive; only it can delete the message or change its visibility. */
  receiptHandle: string | undefined;

  constructor(
    /** Order of arrival in this queue. */
    readonly seq: number,
    readonly messageId: string,
    readonly body: string,
    readonly md5OfBody: string,
    readonly messageAttributes: MessageAttributes | undefined,
    readonly md5OfMessageAttributes: string | undefined,
    readonly senderId: string,
    /** SentTimestamp (ms). */
    readonly sentAt: number,
    /** Retention counts from here: the send, or for FIFO the move to a dead-letter queue. */
    readonly enqueuedAt: number,
    /** When it can next be received: after its delay, or after its visibility timeout. */
    public availableAt: number,
    readonly awsTraceHeader: string | undefined,
    /** FIFO queues order by it; standard (fair) queues accept it too and answer it back. */
    readonly messageGroupId: string | undefined,
    readonly fifo: FifoFields | undefined,
    readonly deadLetterQueueSourceArn: string | undefined,
  ) {}

  isInFlight(now: number): boolean {
    return this.receiptHandle !== undefined && this.availableAt > now;
  }

  isDelayed(now: number): boolean {
    return this.receiptHandle === undefined && this.availableAt > now;
  }

  /** Every system attribute of this message, as ReceiveMessage answers them (strings). */
  systemAttributes(): Record<string, string> {
    const out: Record<string, string> = {
      SenderId: this.senderId,
      SentTimestamp: String(this.sentAt),
      ApproximateReceiveCount: String(this.receiveCount),
      ApproximateFirstReceiveTimestamp: String(this.firstReceivedAt ?? this.sentAt),
    };
    if (this.awsTraceHeader !== undefined) out.AWSTraceHeader = this.awsTraceHeader;
    if (this.deadLetterQueueSourceArn !== undefined) out.DeadLetterQueueSourceArn = this.deadLetterQueueSourceArn;
    if (this.messageGroupId !== undefined) out.MessageGroupId = this.messageGroupId;
    if (this.fifo) {
      out.MessageDeduplicationId = this.fifo.deduplicationId;
      out.SequenceNumber = this.fifo.sequenceNumber;
    }
    return out;
  }
}

/** One receive of a message: everything a caller may ask for; the wire picks what was requested. */
export type ReceivedMessage = {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, string>;
  messageAttributes: MessageAttributes | undefined;
  md5OfMessageAttributes: string | undefined;
};

export function receivedView(message: StoredMessage): ReceivedMessage {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle!,
    body: message.body,
    md5OfBody: message.md5OfBody,
    attributes: message.systemAttributes(),
    messageAttributes: message.messageAttributes,
    md5OfMessageAttributes: message.md5OfMessageAttributes,
  };
}
