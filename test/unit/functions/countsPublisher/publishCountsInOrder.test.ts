import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { RsvpCountsChange } from '../../../../functions/countsPublisher/countsChange';
import { publishCountsInOrder } from '../../../../functions/countsPublisher/publishCountsInOrder';
import { FirstRecordFailedError } from '../../../../functions/lib/stream/publishInItemOrder';
import { makeEvent, streamRecord } from '../../../helpers/streamRecords';

const NOW = () => '2030-01-05T12:00:00.000Z';

/** Event `id` answered: `accepted` goes from n - 1 to n. */
const answered = (id: string, accepted: number, sequenceNumber: string) =>
  streamRecord(
    'MODIFY',
    {
      old: makeEvent({ id, counts: { invited: 9, needsAction: 10 - accepted, accepted: accepted - 1, declined: 0, tentative: 0 } }),
      new: makeEvent({ id, counts: { invited: 9, needsAction: 9 - accepted, accepted, declined: 0, tentative: 0 } }),
    },
    sequenceNumber,
  );
const renamed = (id: string, sequenceNumber: string) => streamRecord('MODIFY', { old: makeEvent({ id }), new: makeEvent({ id, title: 'Renamed', sequence: 1 }) }, sequenceNumber);

function harness(failOn: (c: RsvpCountsChange) => boolean = () => false) {
  const pushed: string[] = [];
  const log = vi.fn();
  const publish = vi.fn(async (c: RsvpCountsChange) => {
    if (failOn(c)) throw Object.assign(new Error('Rate exceeded'), { name: 'PublishCountsError' });
    pushed.push(`${c.eventId}:${c.accepted}`);
  });
  return { pushed, log, publish, run: (records: DynamoDBRecord[]) => publishCountsInOrder(records, publish, log, NOW) };
}

describe('publishing a stream batch’s counts in order', () => {
  it('pushes each counts change in stream order, and nothing for changes that keep the counts', async () => {
    const h = harness();
    expect(await h.run([answered('a', 1, '1'), renamed('a', '2'), answered('b', 1, '3'), answered('a', 2, '4')])).toEqual({ batchItemFailures: [] });
    expect(h.pushed).toEqual(['a:1', 'b:1', 'a:2']);
    expect(h.log).toHaveBeenCalledWith('INFO', 'counts published', { records: 4, published: 3 });
  });

  it('reports the first record whose push fails, so that Lambda retries from it; other events go on', async () => {
    const h = harness((c) => c.eventId === 'b');
    expect(await h.run([answered('a', 1, '1'), answered('b', 1, '2'), answered('b', 2, '3'), answered('a', 2, '4')])).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(h.pushed).toEqual(['a:1', 'a:2']);
    expect(h.publish).toHaveBeenCalledTimes(3);
    expect(h.log).toHaveBeenCalledWith('WARN', expect.stringContaining('retried from this record'), expect.objectContaining({ sequenceNumber: '2', eventId: 'b', error: 'PublishCountsError: Rate exceeded' }));
  });

  it('fails the invocation when the batch’s first record fails, so that Lambda bisects the batch', async () => {
    const h = harness((c) => c.eventId === 'a');
    await expect(h.run([answered('a', 1, '1'), answered('a', 2, '2')])).rejects.toThrow(FirstRecordFailedError);
    expect(h.publish).toHaveBeenCalledTimes(1);
  });

  it('skips a record whose counts can never be read, and carries on', async () => {
    const h = harness();
    const broken = streamRecord('MODIFY', { old: makeEvent({ id: 'a' }), new: { ...makeEvent({ id: 'a' }), counts: 'many' } as never }, '1');
    expect(await h.run([broken, answered('b', 1, '2')])).toEqual({ batchItemFailures: [] });
    expect(h.pushed).toEqual(['b:1']);
    expect(h.log).toHaveBeenCalledWith('ERROR', expect.stringContaining('skipped'), expect.objectContaining({ sequenceNumber: '1' }));
  });
});
