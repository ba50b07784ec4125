// The invocation record Lambda sends to an asynchronous invocation's destination:
// { version, timestamp, requestContext { requestId, functionArn (with the version),
// condition, approximateInvokeCount }, requestPayload, responseContext { statusCode,
// executedVersion, functionError? }, responsePayload }.
// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
import type { AsyncFailureCondition } from './asyncRetry';
import type { InvocationResult } from './lambdaFunction';

export type AsyncInvocationRecord = {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'Success' | AsyncFailureCondition;
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext?: { statusCode: number; executedVersion: string; functionError?: 'Unhandled' };
  responsePayload?: unknown;
};

export function asyncInvocationRecord(input: {
  requestId: string;
  functionArn: string;
  condition: 'Success' | AsyncFailureCondition;
  attempts: number;
  event: unknown;
  /** The last attempt's outcome; none when the event expired before it ever ran. */
  last?: InvocationResult;
  now: number;
}): AsyncInvocationRecord {
  const record: AsyncInvocationRecord = {
    version: '1.0',
    timestamp: new Date(input.now).toISOString(),
    requestContext: {
      requestId: input.requestId,
      functionArn: `${input.functionArn}:$LATEST`,
      condition: input.condition,
      approximateInvokeCount: input.attempts,
    },
    requestPayload: input.event,
  };
  if (input.last) {
    record.responseContext = {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(input.last.ok ? {} : { functionError: 'Unhandled' as const }),
    };
    record.responsePayload = input.last.ok ? input.last.result : input.last.error;
  }
  return record;
}
