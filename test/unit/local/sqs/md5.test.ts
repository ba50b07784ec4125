// The digests SDKs check. Attribute encoding:
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
import { describe, expect, it } from 'vitest';
import { md5Hex, md5OfMessageAttributes } from '../../../../local/sqs/md5';

describe('SQS MD5 digests', () => {
  it('digests the body as the hex MD5 of its UTF-8 bytes', () => {
    // Body "test" and its md5OfBody in the example event of https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
    expect(md5Hex('test')).toBe('098f6bcd4621d373cade4e832627b4f6');
  });

  it('matches the attribute digest real SQS returned', () => {
    // SendMessage answer quoted in https://github.com/aws/aws-sdk-ruby/issues/1885
    expect(md5OfMessageAttributes({ baz: { DataType: 'String', StringValue: 'qux' } })).toBe('16bd0283a5b4962721ccd3efe4bc6257');
  });

  it('encodes custom Number labels as strings and Binary as bytes, sorted by name', () => {
    // Vectors of https://npmjs.com/package/aws-md5-of-message-attributes
    const string = { attribName1: { DataType: 'String', StringValue: 'attribValue 1' } };
    const number = { customNumberTypeAttrib: { DataType: 'Number.float', StringValue: '4563442423554324324264524243.32543234' } };
    const binary = { binaryAttribute: { DataType: 'Binary', BinaryValue: Buffer.from('Hello binary world!') } };
    expect(md5OfMessageAttributes(string)).toBe('19e27d4e946b072f3f58da80d94fd778');
    expect(md5OfMessageAttributes(number)).toBe('9fe1b90bbd9965bdf77bac517c7d2495');
    expect(md5OfMessageAttributes(binary)).toBe('31a92b15d92f8db860eda32aceb656c3');
    expect(md5OfMessageAttributes({ ...string, ...number, ...binary })).toBe('c932db14a896c663f83c260297d594ff');
    expect(md5OfMessageAttributes({ ...binary, ...number, ...string })).toBe('c932db14a896c663f83c260297d594ff');
  });

  it('has no digest for no attributes (SQS leaves MD5OfMessageAttributes out)', () => {
    expect(md5OfMessageAttributes(undefined)).toBeUndefined();
    expect(md5OfMessageAttributes({})).toBeUndefined();
  });
});
