import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { Publication } from '../../../../functions/streamPublisher/publications';
import { FirstRecordFailedError } from '../../../../functions/lib/stream/publishInItemOrder';
import { publishInOrder } from '../../../../functions/streamPublisher/publishInOrder';
import { makeEvent, makeNotice, streamRecord } from '../../../helpers/streamRecords';

const created = (id: string, sequenceNumber: string) => streamRecord('INSERT', { new: makeEvent({ id }) }, sequenceNumber);
const updated = (id: string, sequenceNumber: string) =>
  streamRecord('MODIFY', { old: makeEvent({ id }), new: makeEvent({ id, title: 'New title', sequence: 1, version: 2 }) }, sequenceNumber);
const malformed = (sequenceNumber: string) => streamRecord('INSERT', { new: { ...makeNotice(), subject: '' } }, sequenceNumber);

function harness(failOn: (p: Publication) => boolean = () => false) {
  const published: string[] = [];
  const log = vi.fn();
  const publish = vi.fn(async (p: Publication) => {
    if (failOn(p)) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' });
    published.push(p.message.messageId);
  });
  return { published, log, run: (records: DynamoDBRecord[]) => publishInOrder(records, publish, log), publish };
}

describe('publishing a stream batch in each item’s order', () => {
  it('publishes every record’s messages in each item’s stream order and reports no failure', async () => {
    const h = harness();
    const result = await h.run([created('a', '1'), updated('a', '2'), created('b', '3')]);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.published).toHaveLength(3);
    expect(h.published.filter((id) => id.endsWith('#a') || id.includes('#a#'))).toEqual(['ORGANIZER_NOTICE#EVENT_CREATED#a', 'EVENT_UPDATED#a#1']);
    expect(h.published).toContain('ORGANIZER_NOTICE#EVENT_CREATED#b');
  });

  it('reports the first record whose publish fails, so Lambda retries from it; other items go on', async () => {
    const h = harness((p) => p.message.messageId === 'EVENT_UPDATED#a#1');
    const result = await h.run([created('a', '1'), updated('a', '2'), created('b', '3'), updated('a', '4')]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(h.published).toEqual(['ORGANIZER_NOTICE#EVENT_CREATED#a', 'ORGANIZER_NOTICE#EVENT_CREATED#b']);
    expect(h.publish).toHaveBeenCalledTimes(3);
    expect(h.log).toHaveBeenCalledWith('WARN', expect.stringContaining('publish failed'), expect.objectContaining({ sequenceNumber: '2', topic: 'EVENT_UPDATED', error: 'ThrottledException: Rate exceeded' }));
  });

  it('fails the invocation when the batch’s first record fails, so that Lambda splits the batch and isolates it', async () => {
    const h = harness((p) => p.message.messageId === 'EVENT_UPDATED#a#1');
    const run = h.run([updated('a', '2'), updated('a', '3')]);
    await expect(run).rejects.toThrow(FirstRecordFailedError);
    await expect(run).rejects.toThrow(/stream record 2, the first of the batch/);
    expect(h.published).toEqual([]);
    expect(h.publish).toHaveBeenCalledTimes(1);
  });

  it('counts a record after skipped ones as not first: the skipped ones are done', async () => {
    const h = harness((p) => p.message.messageId === 'EVENT_UPDATED#a#1');
    expect(await h.run([malformed('1'), updated('a', '2')])).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
  });

  it('republishes with the same messageIds when retried from the failed record (consumers drop the duplicates)', async () => {
    let failures = 1;
    const h = harness((p) => p.message.messageId === 'EVENT_UPDATED#a#1' && failures-- > 0);
    const batch = [created('a', '1'), updated('a', '2'), created('b', '3')];
    expect(await h.run(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    // Lambda checkpoints before record 2 and sends it again with what follows.
    expect(await h.run(batch.slice(1))).toEqual({ batchItemFailures: [] });
    expect(h.published).toEqual(['ORGANIZER_NOTICE#EVENT_CREATED#a', 'ORGANIZER_NOTICE#EVENT_CREATED#b', 'EVENT_UPDATED#a#1', 'ORGANIZER_NOTICE#EVENT_CREATED#b']);
  });

  it('logs and skips a malformed record instead of blocking the shard on it', async () => {
    const h = harness();
    const result = await h.run([created('a', '1'), malformed('2'), created('b', '3')]);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.published).toEqual(['ORGANIZER_NOTICE#EVENT_CREATED#a', 'ORGANIZER_NOTICE#EVENT_CREATED#b']);
    expect(h.log).toHaveBeenCalledWith('ERROR', expect.stringContaining('skipped'), expect.objectContaining({ sequenceNumber: '2', error: expect.stringMatching(/subject must be a non-empty string/) }));
  });

  it('fails the whole batch on a record without a sequence number it cannot name', async () => {
    const h = harness();
    const record = created('a', '1');
    delete record.dynamodb!.SequenceNumber;
    await expect(h.run([record])).rejects.toThrow(/SequenceNumber/);
  });

  it('does not publish records that publish nothing, and says nothing about an empty batch', async () => {
    const h = harness();
    const result = await h.run([streamRecord('REMOVE', { old: makeEvent() }, '9')]);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.publish).not.toHaveBeenCalled();
    expect(h.log).not.toHaveBeenCalled();
  });
});
