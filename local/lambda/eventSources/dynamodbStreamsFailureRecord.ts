// The record Lambda sends to a stream mapping's OnFailure destination when it discards a
// batch: metadata only (the records stay in the stream), as in the example of
// https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html:
// { requestContext { requestId, functionArn, condition, approximateInvokeCount },
//   responseContext { statusCode, executedVersion, functionError }, version: "1.0", timestamp,
//   DDBStreamBatchInfo { shardId, startSequenceNumber, endSequenceNumber,
//   approximateArrivalOfFirstRecord, approximateArrivalOfLastRecord, batchSize, streamArn } }.
// Conditions: RetryAttemptsExhausted; RecordAgeExceeded for records past
// MaximumRecordAgeInSeconds (that name is from public emulators and reports, not AWS's pages).
// Arrival times are written to the second, as in AWS's example ("2019-11-14T00:13:19Z").

export type StreamFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export type StreamFailureRecord = {
  requestContext: { requestId: string; functionArn: string; condition: StreamFailureCondition; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
};

export function streamFailureRecord(input: {
  requestId: string;
  functionArn: string;
  condition: StreamFailureCondition;
  invocations: number;
  /** Whether the last invocation ended in a function error (a reported partial failure is not one). */
  functionError: boolean;
  shardId: string;
  streamArn: string;
  records: readonly { sequenceNumber: string; arrivedAt: number }[];
  now: number;
}): StreamFailureRecord {
  const first = input.records[0]!;
  const last = input.records[input.records.length - 1]!;
  return {
    requestContext: {
      requestId: input.requestId,
      functionArn: input.functionArn,
      condition: input.condition,
      approximateInvokeCount: input.invocations,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(input.functionError ? { functionError: 'Unhandled' } : {}),
    },
    version: '1.0',
    timestamp: new Date(input.now).toISOString(),
    DDBStreamBatchInfo: {
      shardId: input.shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: toSecond(first.arrivedAt),
      approximateArrivalOfLastRecord: toSecond(last.arrivedAt),
      batchSize: input.records.length,
      streamArn: input.streamArn,
    },
  };
}

function toSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
