// Which shards of a stream a mapping reads, from where, and when. Shards split (AWS rolls
// them over about every four hours); a child holds the records written after its parent
// closed, so a child is read only once its parent is read to the end, keeping each item's
// changes in order. StartingPosition applies to the shards there when the mapping starts:
// TRIM_HORIZON reads them whole; LATEST reads open shards from their end and skips closed
// ones. Shards that appear later are read whole. A kept checkpoint wins over both.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html#Streams.Processing
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
import type { ShardCheckpoint } from './dynamodbStreamsCheckpoints';
import type { StartingPosition } from './dynamodbStreamsOptions';
import type { ShardStart } from './dynamodbStreamsReader';

export type ShardFacts = { shardId: string; parentShardId?: string; closed: boolean };

/** Where to start reading a shard first seen now, or `finished` when there is nothing to read. */
export function shardStart(
  shard: ShardFacts,
  context: { checkpoint?: ShardCheckpoint; atMappingStart: boolean; startingPosition: StartingPosition },
): ShardStart | 'finished' {
  if (context.checkpoint?.finished) return 'finished';
  if (context.checkpoint?.sequenceNumber) return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: context.checkpoint.sequenceNumber };
  if (!context.atMappingStart || context.startingPosition === 'TRIM_HORIZON') return { type: 'TRIM_HORIZON' };
  return shard.closed ? 'finished' : { type: 'LATEST' };
}

/** Whether a shard may be read now: its parent, if the stream still lists it, is finished. */
export function readyToRead(shard: ShardFacts, finished: (shardId: string) => boolean | undefined): boolean {
  if (!shard.parentShardId) return true;
  const parentFinished = finished(shard.parentShardId);
  // A parent no longer listed (trimmed after 24 hours) holds nothing left to read.
  return parentFinished === undefined || parentFinished;
}
