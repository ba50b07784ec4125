// Message attribute checks, with the texts SNS answered (LocalStack's AWS-validated snapshot
// test_sns.snapshot.json, test_empty_or_wrong_message_attributes);
// https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
import { describe, expect, it } from 'vitest';
import { checkMessageAttributes, envelopeAttributes } from '../../../../local/sns/messageAttributes';

const check = (name: string, attribute: { DataType?: string; StringValue?: string; BinaryValue?: Uint8Array }) => () =>
  checkMessageAttributes({ [name]: attribute });

describe('checkMessageAttributes', () => {
  it('accepts String, Number, Binary and custom types', () => {
    const checked = checkMessageAttributes({
      a: { DataType: 'String', StringValue: 'x' },
      b: { DataType: 'Number.float', StringValue: '1.5' },
      c: { DataType: 'Binary', BinaryValue: new Uint8Array([1]) },
      d: { DataType: 'String.Array', StringValue: '["x"]' },
    });
    expect(Object.keys(checked)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers bad values with SNS’s texts', () => {
    expect(check('attr1', { DataType: 'String', StringValue: '' })).toThrow(
      "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.",
    );
    expect(check('attr1', { DataType: 'Binary' })).toThrow(
      "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'Binary'.",
    );
    expect(check('attr1', { DataType: 'String', BinaryValue: new Uint8Array([1]) })).toThrow("The message attribute 'attr1' with type 'String' must use field 'String'.");
    expect(check('attr1', { DataType: 'Number', BinaryValue: new Uint8Array([1]) })).toThrow("The message attribute 'attr1' with type 'Number' must use field 'String'.");
    expect(check('attr1', { DataType: 'Binary', StringValue: 'x' })).toThrow("The message attribute 'attr1' with type 'Binary' must use field 'Binary'.");
    expect(check('attr1', { DataType: 'Other', StringValue: 'x' })).toThrow(
      "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
    );
    expect(check('attr1', { StringValue: 'x' })).toThrow(
      "1 validation error detected: Value null at 'messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null",
    );
  });

  it('answers bad names with SNS’s texts', () => {
    const ok = { DataType: 'String', StringValue: 'x' };
    expect(check('a'.repeat(256), ok)).toThrow('Length of message attribute name must be less than 256 bytes.');
    expect(check('a^b', ok)).toThrow(
      "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    );
    expect(check('.a', ok)).toThrow("Invalid message attribute name starting with character '.' was found.");
    expect(check('a.', ok)).toThrow("Invalid message attribute name ending with character '.' was found.");
    expect(check('a..b', ok)).toThrow("Message attribute name can not have successive '.' character.");
  });

  it('shapes attributes for the JSON envelope as {Type, Value}, binary in base64', () => {
    expect(envelopeAttributes({ bin: { DataType: 'Binary', BinaryValue: new Uint8Array([2, 3, 4]) }, n: { DataType: 'Number', StringValue: '99' } })).toEqual({
      bin: { Type: 'Binary', Value: 'AgME' },
      n: { Type: 'Number', Value: '99' },
    });
  });
});
