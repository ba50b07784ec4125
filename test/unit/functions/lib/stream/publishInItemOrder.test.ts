import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { MalformedInputError } from '../../../../../functions/lib/errors';
import { FirstRecordFailedError, publishInItemOrder } from '../../../../../functions/lib/stream/publishInItemOrder';

/** A stream record of item `item`; it publishes `item@sequenceNumber` (or is malformed). */
const record = (item: string, sequenceNumber: string | undefined, malformed = false): DynamoDBRecord => ({
  eventName: 'MODIFY',
  dynamodb: { Keys: { pk: { S: `event#${item}` }, sk: { S: 'event' } }, ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}), NewImage: malformed ? { broken: { BOOL: true } } : {} },
});
const name = (r: DynamoDBRecord) => `${r.dynamodb!.Keys!.pk!.S!.slice('event#'.length)}@${r.dynamodb!.SequenceNumber}`;

/** Publishing that takes `delayMs(publication)` and fails where `failOn` says. */
function harness(options: { delayMs?: (p: string) => number; failOn?: (p: string) => boolean; itemsInFlight?: number } = {}) {
  const started: string[] = [];
  const published: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const log = vi.fn();
  const publish = vi.fn(async (p: string) => {
    started.push(p);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, options.delayMs?.(p) ?? 0));
    inFlight -= 1;
    if (options.failOn?.(p)) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' });
    published.push(p);
  });
  const run = (records: DynamoDBRecord[]) =>
    publishInItemOrder(
      records,
      {
        plan: (r) => {
          if (r.dynamodb?.NewImage?.broken) throw new MalformedInputError('the image is broken');
          return [name(r)];
        },
        publish,
        describe: (p) => ({ publication: p }),
        doneMessage: 'batch published',
      },
      log,
      options.itemsInFlight,
    );
  return { started, published, log, publish, run, maxInFlight: () => maxInFlight };
}

describe('publishing a stream batch in each item’s order', () => {
  it('keeps each item’s records in stream order, however long each publish takes', async () => {
    const h = harness({ delayMs: (p) => (p.startsWith('a@1') ? 20 : 1) });
    const result = await h.run([record('a', '1'), record('b', '2'), record('a', '3'), record('b', '4'), record('a', '5')]);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.published.filter((p) => p.startsWith('a@'))).toEqual(['a@1', 'a@3', 'a@5']);
    expect(h.published.filter((p) => p.startsWith('b@'))).toEqual(['b@2', 'b@4']);
    expect(h.log).toHaveBeenCalledWith('INFO', 'batch published', { records: 5, published: 5 });
  });

  it('does not hold other items back behind a slow item', async () => {
    const h = harness({ delayMs: (p) => (p.startsWith('slow@') ? 30 : 0) });
    await h.run([record('slow', '1'), record('slow', '2'), record('quick', '3')]);
    expect(h.published).toEqual(['quick@3', 'slow@1', 'slow@2']);
  });

  it('publishes at most itemsInFlight items at a time', async () => {
    const h = harness({ delayMs: () => 5, itemsInFlight: 3 });
    await h.run(Array.from({ length: 10 }, (_, i) => record(`item${i}`, String(i + 1))));
    expect(h.published).toHaveLength(10);
    expect(h.maxInFlight()).toBe(3);
  });

  it('reports the failed record with the lowest position: every record before it was published', async () => {
    const h = harness({ failOn: (p) => p === 'b@2' || p === 'c@4', delayMs: (p) => (p === 'c@4' ? 0 : 5) });
    const result = await h.run([record('a', '1'), record('b', '2'), record('a', '3'), record('c', '4'), record('b', '5')]);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(h.published).toContain('a@1');
    // The failed item stops at its failure: its later record waits for the retry.
    expect(h.started).not.toContain('b@5');
    expect(h.log).toHaveBeenCalledWith('WARN', expect.stringContaining('retried from this record'), expect.objectContaining({ sequenceNumber: '2', publication: 'b@2', error: 'ThrottledException: Rate exceeded' }));
  });

  it('starts no record after a failure it already knows of', async () => {
    const h = harness({ failOn: (p) => p === 'b@2', itemsInFlight: 1 });
    expect(await h.run([record('a', '1'), record('b', '2'), record('c', '3')])).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(h.started).toEqual(['a@1', 'b@2']);
  });

  it('fails the invocation when the batch’s first record fails, so that Lambda bisects the batch', async () => {
    const h = harness({ failOn: (p) => p === 'a@1' });
    const run = h.run([record('a', '1'), record('b', '2')]);
    await expect(run).rejects.toThrow(FirstRecordFailedError);
    await expect(run).rejects.toThrow(/stream record 1, the first of the batch/);
  });

  it('counts a record after skipped ones as not first: the skipped ones are done', async () => {
    const h = harness({ failOn: (p) => p === 'a@2' });
    expect(await h.run([record('x', '1', true), record('a', '2')])).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(h.log).toHaveBeenCalledWith('ERROR', expect.stringContaining('skipped'), expect.objectContaining({ sequenceNumber: '1', error: 'MalformedInputError: the image is broken' }));
  });

  it('fails the whole batch on a record without a sequence number it cannot name', async () => {
    const h = harness();
    await expect(h.run([record('a', undefined)])).rejects.toThrow(/SequenceNumber/);
  });

  it('says nothing about a batch that published nothing', async () => {
    const h = harness();
    expect(await h.run([])).toEqual({ batchItemFailures: [] });
    expect(h.log).not.toHaveBeenCalled();
  });
});
