// The MD5 digests SQS returns and SDKs check: of the body (hex MD5 of its UTF-8 bytes) and of
// the message attributes in SQS's own binary encoding. The JS SDK checks the body digest on
// send and receive; the Java, .NET, Ruby and PHP SDKs also check the attributes digest.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
//
// Attribute encoding, attributes sorted by name (ascending, by code unit as the SDKs sort):
//   name length (4 bytes, big-endian) | name (UTF-8)
//   data type length (4 bytes)        | data type (UTF-8)
//   transport type (1 byte: 1 String and Number, 2 Binary)
//   value length (4 bytes)            | value (UTF-8 for strings, raw bytes for binary)
import { createHash, type Hash } from 'node:crypto';

export type MessageAttributeValue = { DataType: string; StringValue?: string; BinaryValue?: Uint8Array };
export type MessageAttributes = Record<string, MessageAttributeValue>;

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

export function md5Hex(value: string | Uint8Array): string {
  return createHash('md5').update(value).digest('hex');
}

/** The digest of a set of message attributes; undefined when there are none (SQS then omits it). */
export function md5OfMessageAttributes(attributes: MessageAttributes | undefined): string | undefined {
  if (!attributes) return undefined;
  const names = Object.keys(attributes);
  if (names.length === 0) return undefined;
  names.sort();
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name]!;
    updateLengthPrefixed(hash, Buffer.from(name, 'utf8'));
    updateLengthPrefixed(hash, Buffer.from(attribute.DataType, 'utf8'));
    if (isBinaryType(attribute.DataType)) {
      hash.update(Uint8Array.of(BINARY_TRANSPORT));
      updateLengthPrefixed(hash, attribute.BinaryValue ?? new Uint8Array());
    } else {
      hash.update(Uint8Array.of(STRING_TRANSPORT));
      updateLengthPrefixed(hash, Buffer.from(attribute.StringValue ?? '', 'utf8'));
    }
  }
  return hash.digest('hex');
}

/** `Binary` and custom labels of it (`Binary.gif`) travel as bytes; everything else as text. */
export function isBinaryType(dataType: string): boolean {
  return dataType === 'Binary' || dataType.startsWith('Binary.');
}

function updateLengthPrefixed(hash: Hash, bytes: Uint8Array): void {
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(bytes.length, 0);
  hash.update(length);
  hash.update(bytes);
}
