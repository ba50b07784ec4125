// Sends an invocation record to a destination by its ARN, through the other local services:
// an SQS queue gets it as the message body, an SNS topic as the message, a Lambda function
// as the event of an asynchronous invocation. EventBridge buses and S3 buckets (also valid
// destinations on AWS) are not run locally and are refused with a clear message.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html
import type { FunctionTarget, QueueMessageAttribute, QueueTarget, TopicTarget } from '../shared/localServices';

export type DestinationServices = QueueTarget & TopicTarget & FunctionTarget;

export class UnsupportedDestinationError extends Error {
  constructor(arn: string) {
    super(`Destination ${arn} is not supported locally: use an SQS queue, an SNS topic or a Lambda function`);
    this.name = 'UnsupportedDestinationError';
  }
}

export function destinationService(arn: string): string {
  return arn.split(':')[2] ?? '';
}

/** Delivers a JSON record; rejects when the destination cannot take it. */
export async function sendToDestination(services: DestinationServices, arn: string, record: unknown): Promise<void> {
  const text = JSON.stringify(record);
  switch (destinationService(arn)) {
    case 'sqs':
      return services.sendToQueue(arn, { body: text });
    case 'sns':
      await services.publishToTopic(arn, { message: text });
      return;
    case 'lambda':
      await services.invokeFunction(arn, record, 'Event');
      return;
    default:
      throw new UnsupportedDestinationError(arn);
  }
}

/** Lambda truncates a dead-lettered event's ErrorMessage attribute to 1 KB. */
export const DEAD_LETTER_ERROR_MESSAGE_BYTES = 1024;

/**
 * A dead-letter queue or topic receives the original event unchanged, with the attributes
 * RequestID (String), ErrorCode (Number, the 3-digit HTTP code) and ErrorMessage (String,
 * truncated to 1 KB). https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq
 */
export async function sendToDeadLetter(
  services: DestinationServices,
  arn: string,
  event: unknown,
  failure: { requestId: string; errorCode: number; errorMessage: string },
): Promise<void> {
  const attributes: Record<string, QueueMessageAttribute> = {
    RequestID: { DataType: 'String', StringValue: failure.requestId },
    ErrorCode: { DataType: 'Number', StringValue: String(failure.errorCode) },
    ErrorMessage: { DataType: 'String', StringValue: truncateUtf8(failure.errorMessage, DEAD_LETTER_ERROR_MESSAGE_BYTES) },
  };
  const body = JSON.stringify(event);
  switch (destinationService(arn)) {
    case 'sqs':
      return services.sendToQueue(arn, { body, attributes });
    case 'sns':
      await services.publishToTopic(arn, { message: body, attributes });
      return;
    default:
      throw new UnsupportedDestinationError(arn);
  }
}

function truncateUtf8(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= bytes) return text;
  // Cut on a character boundary: drop a trailing partial sequence.
  return buffer.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}
