// Message attributes of Publish / PublishBatch: SNS's checks, and the two shapes subscribers
// see them in. Messages are SNS's own, recorded from real answers (LocalStack's AWS-validated
// snapshot tests/aws/services/sns/test_sns.snapshot.json, test_empty_or_wrong_message_attributes);
// rules: https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
import { ParameterValueInvalid, ValidationError } from './errors';

export type MessageAttribute = { DataType: string; StringValue?: string; BinaryValue?: Uint8Array };
export type MessageAttributes = Record<string, MessageAttribute>;

/** As the router decodes them: DataType may be missing. */
export type RawMessageAttributes = Record<string, { DataType?: string; StringValue?: string; BinaryValue?: Uint8Array }>;

/** "Length of message attribute name must be less than 256 bytes." */
const MAX_NAME_BYTES = 255;
const NAME_CHARACTERS = /^[A-Za-z0-9_.-]$/;

/**
 * Checks the attributes as SNS does and returns them typed. `memberPath` names the attribute
 * map in validation messages: `messageAttributes` for Publish,
 * `publishBatchRequestEntries.N.member.messageAttributes` for a batch entry.
 */
export function checkMessageAttributes(raw: RawMessageAttributes | undefined, memberPath = 'messageAttributes'): MessageAttributes {
  const checked: MessageAttributes = {};
  for (const [name, attribute] of Object.entries(raw ?? {})) {
    if (!attribute.DataType) {
      throw new ValidationError(
        `1 validation error detected: Value null at '${memberPath}.${name}.member.dataType' failed to satisfy constraint: Member must not be null`,
      );
    }
    checkName(name);
    const type = attribute.DataType;
    const base = type.split('.')[0];
    if (base !== 'String' && base !== 'Number' && base !== 'Binary') {
      throw new ParameterValueInvalid(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    if (base === 'Binary') {
      if (attribute.BinaryValue === undefined && attribute.StringValue !== undefined) {
        throw new ParameterValueInvalid(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      }
      if (!attribute.BinaryValue || attribute.BinaryValue.length === 0) throw emptyValue(name, 'Binary');
      checked[name] = { DataType: type, BinaryValue: attribute.BinaryValue };
      continue;
    }
    if (attribute.StringValue === undefined && attribute.BinaryValue !== undefined) {
      throw new ParameterValueInvalid(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
    }
    if (!attribute.StringValue) throw emptyValue(name, base);
    if (base === 'Number' && !Number.isFinite(Number(attribute.StringValue))) {
      // Wording not recorded for SNS.
      throw new ParameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
    }
    checked[name] = { DataType: type, StringValue: attribute.StringValue };
  }
  return checked;
}

function emptyValue(name: string, base: string) {
  return new ParameterValueInvalid(
    `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`,
  );
}

function checkName(name: string): void {
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new ParameterValueInvalid('Length of message attribute name must be less than 256 bytes.');
  for (const character of name) {
    if (!NAME_CHARACTERS.test(character)) {
      const code = character.codePointAt(0)!.toString(16).toUpperCase();
      throw new ParameterValueInvalid(
        `Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
      );
    }
  }
  if (name.startsWith('.')) throw new ParameterValueInvalid("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith('.')) throw new ParameterValueInvalid("Invalid message attribute name ending with character '.' was found.");
  if (name.includes('..')) throw new ParameterValueInvalid("Message attribute name can not have successive '.' character.");
}

/** Bytes the attributes add to the message size (names, types and values count, as SQS counts them). */
export function attributesSize(attributes: MessageAttributes): number {
  let size = 0;
  for (const [name, a] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(a.DataType);
    size += a.BinaryValue ? a.BinaryValue.length : Buffer.byteLength(a.StringValue ?? '');
  }
  return size;
}

/**
 * The JSON envelope's form, `{name: {Type, Value}}`, binary values in base64
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html; a Binary attribute
 * arrives as {"Type":"Binary","Value":"AgME"} in LocalStack's AWS-validated snapshot).
 */
export function envelopeAttributes(attributes: MessageAttributes): Record<string, { Type: string; Value: string }> {
  const out: Record<string, { Type: string; Value: string }> = {};
  for (const [name, a] of Object.entries(attributes)) {
    out[name] = { Type: a.DataType, Value: a.BinaryValue ? Buffer.from(a.BinaryValue).toString('base64') : (a.StringValue ?? '') };
  }
  return out;
}
