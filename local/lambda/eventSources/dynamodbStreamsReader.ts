// Reads one shard of a DynamoDB Local stream with @aws-sdk/client-dynamodb-streams:
// GetShardIterator once, then GetRecords with each NextShardIterator. An iterator that
// expired (AWS: 15 minutes unused; it happens when a failing batch blocks the shard) or that
// DynamoDB Local calls invalid is replaced by one AFTER_SEQUENCE_NUMBER the last record read;
// trimmed data restarts at TRIM_HORIZON. No NextShardIterator means the shard is closed and
// read to its end.
// https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_GetShardIterator.html
// https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_GetRecords.html
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as SdkStreamRecord,
  type DynamoDBStreamsClient,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { Logger } from '../../shared/logger';
import type { ArrivedRecord, ShardSource } from './dynamodbStreamsShard';

export type ShardStart = { type: 'TRIM_HORIZON' | 'LATEST' } | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string };

export class DynamoDbShardReader implements ShardSource {
  private iterator?: string;
  private lastSequenceNumber?: string;
  private closed = false;

  constructor(
    private readonly options: {
      client: DynamoDBStreamsClient;
      streamArn: string;
      shardId: string;
      start: ShardStart;
      /** Shapes a record as the function receives it and dates its arrival. */
      shape: (record: SdkStreamRecord) => ArrivedRecord;
      logger: Logger;
    },
  ) {
    if (options.start.type === 'AFTER_SEQUENCE_NUMBER') this.lastSequenceNumber = options.start.sequenceNumber;
  }

  async read(limit: number): Promise<{ records: ArrivedRecord[]; closed: boolean }> {
    if (this.closed) return { records: [], closed: true };
    this.iterator ??= await this.newIterator();
    let output;
    try {
      output = await this.options.client.send(new GetRecordsCommand({ ShardIterator: this.iterator, Limit: limit }));
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'ExpiredIteratorException' || (name === 'ValidationException' && /ShardIterator/i.test((error as Error).message))) {
        this.options.logger.debug(`shard ${this.options.shardId}: iterator no longer valid (${name}); getting a new one`);
        this.iterator = undefined;
        return { records: [], closed: false };
      }
      if (name === 'TrimmedDataAccessException') {
        this.options.logger.warn(`shard ${this.options.shardId}: records were trimmed before they were read; going on from the oldest left`);
        this.lastSequenceNumber = undefined;
        this.iterator = await this.iteratorOf('TRIM_HORIZON');
        return { records: [], closed: false };
      }
      if (name === 'ResourceNotFoundException') {
        this.options.logger.warn(`shard ${this.options.shardId}: the stream is gone (${(error as Error).message})`);
        this.closed = true;
        return { records: [], closed: true };
      }
      throw error;
    }
    const records = (output.Records ?? []).map(this.options.shape);
    const last = output.Records?.[output.Records.length - 1]?.dynamodb?.SequenceNumber;
    if (last) this.lastSequenceNumber = last;
    this.iterator = output.NextShardIterator;
    if (!this.iterator) this.closed = true;
    return { records, closed: this.closed };
  }

  private async newIterator(): Promise<string> {
    if (this.lastSequenceNumber) {
      try {
        return await this.iteratorOf('AFTER_SEQUENCE_NUMBER', this.lastSequenceNumber);
      } catch (error) {
        // The checkpoint is no longer in the shard (trimmed, or a stream of another run).
        this.options.logger.warn(
          `shard ${this.options.shardId}: cannot resume after ${this.lastSequenceNumber} (${(error as Error).message}); reading from the oldest record`,
        );
        this.lastSequenceNumber = undefined;
        return this.iteratorOf('TRIM_HORIZON');
      }
    }
    const start = this.options.start.type === 'AFTER_SEQUENCE_NUMBER' ? 'TRIM_HORIZON' : this.options.start.type;
    return this.iteratorOf(start);
  }

  private async iteratorOf(type: ShardIteratorType, sequenceNumber?: string): Promise<string> {
    const output = await this.options.client.send(
      new GetShardIteratorCommand({ StreamArn: this.options.streamArn, ShardId: this.options.shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }),
    );
    if (!output.ShardIterator) throw new Error(`no ${type} iterator for shard ${this.options.shardId}`);
    return output.ShardIterator;
  }
}
