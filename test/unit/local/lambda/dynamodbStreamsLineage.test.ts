// Which shards a stream mapping reads, from where, and in which order across splits.
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html#Streams.Processing
import { describe, expect, it } from 'vitest';
import { readyToRead, shardStart } from '../../../../local/lambda/eventSources/dynamodbStreamsLineage';

const open = { shardId: 'child', parentShardId: 'parent', closed: false };
const closed = { shardId: 'parent', closed: true };

describe('shardStart', () => {
  it('reads every shard whole with TRIM_HORIZON', () => {
    expect(shardStart(closed, { atMappingStart: true, startingPosition: 'TRIM_HORIZON' })).toEqual({ type: 'TRIM_HORIZON' });
  });

  it('with LATEST, reads open shards from their end and skips closed ones', () => {
    expect(shardStart(open, { atMappingStart: true, startingPosition: 'LATEST' })).toEqual({ type: 'LATEST' });
    expect(shardStart(closed, { atMappingStart: true, startingPosition: 'LATEST' })).toBe('finished');
  });

  it('reads shards that appear after the start whole, whatever the starting position', () => {
    expect(shardStart(open, { atMappingStart: false, startingPosition: 'LATEST' })).toEqual({ type: 'TRIM_HORIZON' });
  });

  it('resumes after a kept checkpoint, and skips a shard already read to its end', () => {
    expect(shardStart(open, { atMappingStart: true, startingPosition: 'LATEST', checkpoint: { sequenceNumber: '42' } })).toEqual({
      type: 'AFTER_SEQUENCE_NUMBER',
      sequenceNumber: '42',
    });
    expect(shardStart(open, { atMappingStart: true, startingPosition: 'TRIM_HORIZON', checkpoint: { sequenceNumber: '42', finished: true } })).toBe('finished');
  });
});

describe('readyToRead', () => {
  it('waits for the parent to be read to its end; a parent no longer listed does not hold it back', () => {
    expect(readyToRead(open, () => false)).toBe(false);
    expect(readyToRead(open, () => true)).toBe(true);
    expect(readyToRead(open, () => undefined)).toBe(true);
    expect(readyToRead(closed, () => false)).toBe(true);
  });
});
