// Stream records shaped as the function receives them, from what DynamoDB Local returns.
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
import { describe, expect, it } from 'vitest';
import { arrivalTime, lambdaStreamRecord, promisedImages } from '../../../../local/lambda/eventSources/dynamodbStreamsRecord';
import { streamFailureRecord } from '../../../../local/lambda/eventSources/dynamodbStreamsFailureRecord';

const context = { region: 'us-east-1', eventSourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/local', viewType: 'NEW_AND_OLD_IMAGES' as const, arrivedAtMs: 1_700_000_123_456 };

describe('lambdaStreamRecord', () => {
  it('replaces DynamoDB Local region and stream ARN, dates the record in epoch seconds, and writes binary as base64', () => {
    const shaped = lambdaStreamRecord(
      {
        eventID: 'id-1',
        eventName: 'MODIFY',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ddblocal',
        dynamodb: {
          ApproximateCreationDateTime: new Date('2023-11-14T22:13:00Z'),
          Keys: { pk: { S: 'a' } },
          NewImage: { pk: { S: 'a' }, b: { B: new Uint8Array([1, 2, 3]) }, l: { L: [{ N: '1' }, { BS: [new Uint8Array([255])] }] }, m: { M: { x: { NULL: true } } } },
          OldImage: { pk: { S: 'a' }, ss: { SS: ['x'] } },
          SequenceNumber: '000000000000000000002',
          SizeBytes: 31,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
      context,
    );
    expect(shaped).toEqual({
      eventID: 'id-1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1_700_000_123,
        Keys: { pk: { S: 'a' } },
        NewImage: { pk: { S: 'a' }, b: { B: 'AQID' }, l: { L: [{ N: '1' }, { BS: ['/w=='] }] }, m: { M: { x: { NULL: true } } } },
        OldImage: { pk: { S: 'a' }, ss: { SS: ['x'] } },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 31,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: context.eventSourceArn,
    });
  });

  it('keeps only the images the stream view type promises for each kind of change', () => {
    expect(promisedImages('KEYS_ONLY', 'MODIFY')).toEqual({ newImage: false, oldImage: false });
    expect(promisedImages('NEW_IMAGE', 'REMOVE')).toEqual({ newImage: false, oldImage: false });
    expect(promisedImages('OLD_IMAGE', 'MODIFY')).toEqual({ newImage: false, oldImage: true });
    expect(promisedImages('NEW_AND_OLD_IMAGES', 'INSERT')).toEqual({ newImage: true, oldImage: false });
    const keysOnly = lambdaStreamRecord(
      { eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'a' } }, NewImage: { pk: { S: 'a' } }, StreamViewType: 'KEYS_ONLY', SequenceNumber: '1' } },
      { ...context, viewType: 'KEYS_ONLY' },
    );
    expect(keysOnly.dynamodb.NewImage).toBeUndefined();
  });

  it('keeps the userIdentity of deletions made by TTL', () => {
    const shaped = lambdaStreamRecord(
      { eventName: 'REMOVE', userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }, dynamodb: { Keys: { pk: { S: 'a' } }, SequenceNumber: '1' } },
      context,
    );
    expect(shaped.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
  });
});

describe('arrivalTime', () => {
  it('dates a record read within a minute of its (minute-rounded) creation now, on the injected clock', () => {
    const wall = Date.UTC(2026, 0, 1, 12, 0, 45);
    expect(arrivalTime(Date.UTC(2026, 0, 1, 12, 0, 0), wall, 5_000)).toBe(5_000);
  });

  it('dates an older record back by the part of its age that is certain', () => {
    const wall = Date.UTC(2026, 0, 1, 12, 10, 0);
    expect(arrivalTime(Date.UTC(2026, 0, 1, 12, 0, 0), wall, 1_000_000)).toBe(1_000_000 - 9 * 60_000);
  });
});

describe('streamFailureRecord', () => {
  it('describes a discarded batch as the OnFailure destination receives it', () => {
    const record = streamFailureRecord({
      requestId: 'r-1',
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f',
      condition: 'RetryAttemptsExhausted',
      invocations: 3,
      functionError: true,
      shardId: 'shardId-1',
      streamArn: context.eventSourceArn,
      records: [
        { sequenceNumber: '5', arrivedAt: Date.UTC(2019, 10, 14, 0, 13, 19, 500) },
        { sequenceNumber: '7', arrivedAt: Date.UTC(2019, 10, 14, 0, 13, 20) },
      ],
      now: Date.UTC(2019, 10, 14, 0, 13, 49, 717),
    });
    expect(record).toEqual({
      requestContext: { requestId: 'r-1', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2019-11-14T00:13:49.717Z',
      DDBStreamBatchInfo: {
        shardId: 'shardId-1',
        startSequenceNumber: '5',
        endSequenceNumber: '7',
        approximateArrivalOfFirstRecord: '2019-11-14T00:13:19Z',
        approximateArrivalOfLastRecord: '2019-11-14T00:13:20Z',
        batchSize: 2,
        streamArn: context.eventSourceArn,
      },
    });
  });
});
