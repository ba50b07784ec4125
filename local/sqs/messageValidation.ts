// What SQS checks in a message before accepting it: the characters of the body, the message
// attributes (names, types, values, at most 10) and the size of it all.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html
import { InvalidMessageContents, InvalidParameterValue, MissingParameter } from './errors';
import { isBinaryType, type MessageAttributes } from './md5';

/** Message attributes per message. */
export const MAX_MESSAGE_ATTRIBUTES = 10;
/** Attribute names and data types. */
export const MAX_ATTRIBUTE_NAME_LENGTH = 256;

/** Characters outside #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF (lone surrogates included). */
const DISALLOWED_CHARACTER = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]+$/;
const RESERVED_PREFIX = /^(aws\.|amazon\.)/i;

export function checkBody(body: unknown): asserts body is string {
  if (typeof body !== 'string' || body.length === 0) throw new MissingParameter('MessageBody');
  if (DISALLOWED_CHARACTER.test(body)) throw new InvalidMessageContents('message body');
}

/** Checks the attributes and answers the bytes they add to the message size. */
export function checkMessageAttributes(attributes: MessageAttributes | undefined): number {
  if (!attributes) return 0;
  const names = Object.keys(attributes);
  if (names.length > MAX_MESSAGE_ATTRIBUTES) {
    throw new InvalidParameterValue(`Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`); // (local wording)
  }
  let size = 0;
  for (const name of names) {
    const attribute = attributes[name]!;
    checkAttributeName(name);
    const dataType = attribute.DataType;
    if (typeof dataType !== 'string' || dataType.length === 0) {
      throw new InvalidParameterValue(`The message attribute '${name}' must contain non-empty message attribute type.`); // (local wording)
    }
    if (dataType.length > MAX_ATTRIBUTE_NAME_LENGTH || DISALLOWED_CHARACTER.test(dataType)) {
      throw new InvalidParameterValue(`The message attribute '${name}' has an invalid message attribute type.`); // (local wording)
    }
    const base = dataType.split('.', 1)[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw new InvalidParameterValue(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`); // (local wording)
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(dataType);
    if (isBinaryType(dataType)) {
      const value = attribute.BinaryValue;
      if (!value || value.length === 0) throw emptyValue(name, 'Binary');
      size += value.length;
    } else {
      const value = attribute.StringValue;
      if (typeof value !== 'string' || value.length === 0) throw emptyValue(name, base);
      if (DISALLOWED_CHARACTER.test(value)) throw new InvalidMessageContents(`message attribute '${name}'`);
      if (base === 'Number' && !isSqsNumber(value)) {
        throw new InvalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`); // (local wording)
      }
      size += Buffer.byteLength(value);
    }
  }
  return size;
}

/** Attribute names: A-Za-z0-9 _ - ., up to 256, no AWS./Amazon. prefix, no leading, trailing or doubled period. */
export function checkAttributeName(name: string): void {
  if (
    name.length === 0 ||
    name.length > MAX_ATTRIBUTE_NAME_LENGTH ||
    !ATTRIBUTE_NAME.test(name) ||
    RESERVED_PREFIX.test(name) ||
    name.startsWith('.') ||
    name.endsWith('.') ||
    name.includes('..')
  ) {
    throw new InvalidParameterValue(`Message (user) attribute name '${name}' is invalid.`); // (local wording)
  }
}

export function checkMessageSize(size: number, maximum: number): void {
  if (size > maximum) {
    // (local wording, after the "Reason:" form SQS uses for parameter errors)
    throw new InvalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${maximum} bytes.`);
  }
}

function emptyValue(name: string, type: string): InvalidParameterValue {
  return new InvalidParameterValue(`Message (user) attribute '${name}' must contain a non-empty value of type '${type}'.`); // (local wording)
}

/** SQS Number attributes: up to 38 digits, -10^128 to 10^126 (sqs-message-metadata.html). */
function isSqsNumber(value: string): boolean {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return false;
  const n = Number(value);
  return Number.isFinite(n) && n >= -1e128 && n <= 1e126;
}
