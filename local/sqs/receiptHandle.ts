// Receipt handles: one per receive of a message, opaque to callers. Locally a handle names the
// queue instance, the message's place in it and the receive, plus random bytes so handles
// cannot be guessed from one another. A handle that does not decode is ReceiptHandleIsInvalid.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html
import { randomBytes } from 'node:crypto';

export type ReceiptParts = { queueId: string; seq: number; receive: number };

const PREFIX = 'LQ1';

export function encodeReceiptHandle(parts: ReceiptParts): string {
  const text = `${PREFIX}:${parts.queueId}:${parts.seq}:${parts.receive}:${randomBytes(12).toString('hex')}`;
  return Buffer.from(text, 'utf8').toString('base64');
}

export function decodeReceiptHandle(handle: string): ReceiptParts | undefined {
  if (typeof handle !== 'string' || handle.length === 0 || handle.length > 1024) return undefined;
  const fields = Buffer.from(handle, 'base64').toString('utf8').split(':');
  if (fields.length !== 5 || fields[0] !== PREFIX) return undefined;
  const seq = Number(fields[2]);
  const receive = Number(fields[3]);
  if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(receive)) return undefined;
  return { queueId: fields[1]!, seq, receive };
}
