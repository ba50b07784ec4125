// The message actions: SendMessage(Batch), ReceiveMessage, DeleteMessage(Batch),
// ChangeMessageVisibility(Batch). Shapes: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html
import { BatchRequestTooLong } from '../errors';
import { md5OfMessageAttributes, type MessageAttributes } from '../md5';
import type { ReceivedMessage } from '../message';
import type { SendInput, SendResult } from '../queue';
import { MAX_MAXIMUM_MESSAGE_SIZE } from '../queueAttributes';
import { batchEntries, eachEntry } from './batch';
import { messageAttributes, optionalInteger, optionalString, requiredInteger, requiredString, stringList, type Input } from './input';
import type { Operation } from './operation';

export const sendMessage: Operation = (input, { broker, senderId }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  return sendResultShape(queue.send(sendInput(input, senderId)));
};

export const sendMessageBatch: Operation = (input, { broker, senderId }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const list = batchEntries(input, 'SendMessageBatchRequestEntry');
  const sends = list.map((entry) => ({ entry, send: sendInputOrError(entry, senderId) }));
  // "The maximum total payload size (the sum of the individual lengths of all of the batched
  // messages) is 1 MiB" (API_SendMessageBatch.html).
  const total = sends.reduce((sum, { send }) => sum + (send instanceof Error ? 0 : payloadSize(send)), 0);
  if (total > MAX_MAXIMUM_MESSAGE_SIZE) throw new BatchRequestTooLong(total, MAX_MAXIMUM_MESSAGE_SIZE);
  const byId = new Map(sends.map(({ entry, send }) => [entry.Id, send]));
  return eachEntry(list, (entry) => {
    const send = byId.get(entry.Id)!;
    if (send instanceof Error) throw send;
    return { Id: entry.Id, ...sendResultShape(queue.send(send)) };
  });
};

export const receiveMessage: Operation = async (input, { broker, signal }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  const systemNames = [...stringList(input, 'AttributeNames'), ...stringList(input, 'MessageSystemAttributeNames')];
  const attributeNames = stringList(input, 'MessageAttributeNames');
  const messages = await queue.receive({
    maxNumberOfMessages: optionalInteger(input, 'MaxNumberOfMessages'),
    visibilityTimeout: optionalInteger(input, 'VisibilityTimeout'),
    waitTimeSeconds: optionalInteger(input, 'WaitTimeSeconds'),
    signal,
  });
  // With nothing to return, the JSON answer carries no Messages (API_ReceiveMessage.html).
  if (messages.length === 0) return {};
  return { Messages: messages.map((message) => messageShape(message, systemNames, attributeNames)) };
};

export const deleteMessage: Operation = (input, { broker }) => {
  broker.queueByUrl(input.QueueUrl).deleteMessage(requiredString(input, 'ReceiptHandle'));
  return {};
};

export const deleteMessageBatch: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  return eachEntry(batchEntries(input, 'DeleteMessageBatchRequestEntry'), (entry) => {
    queue.deleteMessage(requiredString(entry, 'ReceiptHandle'));
    return { Id: entry.Id };
  });
};

export const changeMessageVisibility: Operation = (input, { broker }) => {
  broker.queueByUrl(input.QueueUrl).changeVisibility(requiredString(input, 'ReceiptHandle'), requiredInteger(input, 'VisibilityTimeout'));
  return {};
};

export const changeMessageVisibilityBatch: Operation = (input, { broker }) => {
  const queue = broker.queueByUrl(input.QueueUrl);
  return eachEntry(batchEntries(input, 'ChangeMessageVisibilityBatchRequestEntry'), (entry) => {
    queue.changeVisibility(requiredString(entry, 'ReceiptHandle'), requiredInteger(entry, 'VisibilityTimeout'));
    return { Id: entry.Id };
  });
};

function sendInput(input: Input, senderId: string): SendInput {
  const systemAttributes = messageAttributes(input, 'MessageSystemAttributes');
  return {
    body: requiredString(input, 'MessageBody'),
    delaySeconds: optionalInteger(input, 'DelaySeconds'),
    messageAttributes: messageAttributes(input, 'MessageAttributes'),
    awsTraceHeader: systemAttributes?.AWSTraceHeader?.StringValue,
    messageGroupId: optionalString(input, 'MessageGroupId'),
    messageDeduplicationId: optionalString(input, 'MessageDeduplicationId'),
    senderId,
  };
}

function sendInputOrError(input: Input, senderId: string): SendInput | Error {
  try {
    return sendInput(input, senderId);
  } catch (error) {
    return error as Error;
  }
}

function payloadSize(send: SendInput): number {
  let size = Buffer.byteLength(send.body);
  for (const [name, attribute] of Object.entries(send.messageAttributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(attribute.DataType);
    size += attribute.BinaryValue ? attribute.BinaryValue.length : Buffer.byteLength(attribute.StringValue ?? '');
  }
  return size;
}

function sendResultShape(result: SendResult): Record<string, unknown> {
  return {
    MessageId: result.messageId,
    MD5OfMessageBody: result.md5OfMessageBody,
    ...(result.md5OfMessageAttributes && { MD5OfMessageAttributes: result.md5OfMessageAttributes }),
    ...(result.md5OfMessageSystemAttributes && { MD5OfMessageSystemAttributes: result.md5OfMessageSystemAttributes }),
    ...(result.sequenceNumber && { SequenceNumber: result.sequenceNumber }),
  };
}

/**
 * A received message with the system attributes and message attributes the caller asked for
 * (`All`, names, and for message attributes `.*` and `prefix.*`). MD5OfMessageAttributes covers
 * the attributes returned, which is what SDKs recompute and compare.
 */
export function messageShape(message: ReceivedMessage, systemNames: string[], attributeNames: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  const attributes = pickSystemAttributes(message.attributes, systemNames);
  if (attributes) out.Attributes = attributes;
  const picked = pickMessageAttributes(message.messageAttributes, attributeNames);
  if (picked) {
    out.MD5OfMessageAttributes =
      Object.keys(picked).length === Object.keys(message.messageAttributes!).length ? message.md5OfMessageAttributes : md5OfMessageAttributes(picked);
    out.MessageAttributes = Object.fromEntries(
      Object.entries(picked).map(([name, value]) => [
        name,
        {
          DataType: value.DataType,
          ...(value.StringValue !== undefined && { StringValue: value.StringValue }),
          ...(value.BinaryValue !== undefined && { BinaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
        },
      ]),
    );
  }
  return out;
}

function pickSystemAttributes(all: Record<string, string>, names: string[]): Record<string, string> | undefined {
  if (names.length === 0) return undefined;
  if (names.includes('All')) return all;
  const picked = Object.fromEntries(names.filter((name) => name in all).map((name) => [name, all[name]!]));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

function pickMessageAttributes(all: MessageAttributes | undefined, names: string[]): MessageAttributes | undefined {
  if (!all || names.length === 0) return undefined;
  const wanted = (name: string) =>
    names.some((pattern) => pattern === 'All' || pattern === '.*' || pattern === name || (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))));
  const picked = Object.fromEntries(Object.entries(all).filter(([name]) => wanted(name)));
  return Object.keys(picked).length > 0 ? picked : undefined;
}
