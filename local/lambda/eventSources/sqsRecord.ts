// A received SQS message as Lambda hands it to a function: camelCase keys unlike the SQS API,
// attribute values as strings, message attributes with stringListValues and binaryListValues
// (always empty) and binary values in base64, eventSource "aws:sqs".
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (example event)
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html (example record)
import type { ReceivedMessage } from '../../sqs/message';

export type SqsMessageAttribute = {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
};

export type SqsRecord = {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, string>;
  messageAttributes: Record<string, SqsMessageAttribute>;
  md5OfMessageAttributes?: string;
  md5OfBody: string;
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
};

/** The attributes Lambda's records carry first, in the order of AWS's examples. */
const LEADING_ATTRIBUTES = ['ApproximateReceiveCount', 'SentTimestamp', 'SenderId', 'ApproximateFirstReceiveTimestamp'];

export function sqsRecord(message: ReceivedMessage, eventSourceArn: string, awsRegion: string): SqsRecord {
  const attributes: Record<string, string> = {};
  for (const name of LEADING_ATTRIBUTES) if (message.attributes[name] !== undefined) attributes[name] = message.attributes[name]!;
  for (const [name, value] of Object.entries(message.attributes)) if (!(name in attributes)) attributes[name] = value;
  const messageAttributes: Record<string, SqsMessageAttribute> = {};
  for (const [name, value] of Object.entries(message.messageAttributes ?? {})) {
    messageAttributes[name] = {
      ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
      ...(value.BinaryValue !== undefined && { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
      stringListValues: [],
      binaryListValues: [],
      dataType: value.DataType,
    };
  }
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes,
    messageAttributes,
    ...(message.md5OfMessageAttributes && { md5OfMessageAttributes: message.md5OfMessageAttributes }),
    md5OfBody: message.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: eventSourceArn,
    awsRegion,
  };
}
