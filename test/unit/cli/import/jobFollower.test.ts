import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StalledImportError } from '../../../../cli/import/errors';
import type { ImportJobView } from '../../../../cli/import/importOperations';
import { isAhead, JobFollower } from '../../../../cli/import/jobFollower';
import { ConnectionError, GraphqlCallError } from '../../../../cli/shared/errors';
import { makeImportJob } from '../../../helpers/importJob';

const waiting = makeImportJob({ status: 'WAITING_FOR_UPLOAD', size: null });
const at = (lastRow: number, bytesRead = lastRow * 10) => makeImportJob({ lastRow, bytesRead });
const completed = makeImportJob({ status: 'COMPLETED', lastRow: 250, bytesRead: 10_000 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A follower whose importJob reads answer from `reads` in turn (the last one repeats). */
function follower(reads: (ImportJobView | Error)[], options: { pollIntervalMs?: number; stallTimeoutMs?: number } = {}) {
  const updates: ImportJobView[] = [];
  let calls = 0;
  const read = vi.fn(async () => {
    const next = reads[Math.min(calls++, reads.length - 1)]!;
    if (next instanceof Error) throw next;
    return next;
  });
  const f = new JobFollower(waiting, { read, onUpdate: (job) => updates.push(job), pollIntervalMs: 1000, ...options });
  return { f, read, updates };
}

describe('following an import job', () => {
  it('orders jobs by status, then rows read, then bytes read', () => {
    expect(isAhead(at(2), waiting)).toBe(true);
    expect(isAhead(at(101), at(201))).toBe(false);
    expect(isAhead(at(101, 900), at(101, 800))).toBe(true);
    expect(isAhead(completed, at(301))).toBe(true);
    expect(isAhead(at(301), completed)).toBe(false);
    expect(isAhead(at(101), at(101))).toBe(false);
  });

  it('ends with the job importJob reads once it completed, reporting each step forward', async () => {
    const { f, updates } = follower([waiting, at(101), at(201), completed]);
    const done = f.follow();
    await vi.advanceTimersByTimeAsync(4000);
    await expect(done).resolves.toEqual(completed);
    expect(updates.map((j) => j.lastRow)).toEqual([101, 201, 250]);
  });

  it('takes pushed jobs as they come, ends at a pushed end without waiting for the next poll, and prefers the stored job', async () => {
    const stored = { ...completed, issues: [{ kind: 'INVALID' as const, row: 3, email: 'x', reason: 'not an email address', firstRow: null }] };
    const { f, read, updates } = follower([stored], { pollIntervalMs: 60_000 });
    f.push(at(101)); // before follow(): during the upload
    const done = f.follow();
    f.push(at(201));
    f.push(completed);
    await vi.advanceTimersByTimeAsync(0);
    await expect(done).resolves.toEqual(stored);
    expect(read).toHaveBeenCalledTimes(1);
    expect(updates.map((j) => j.lastRow)).toEqual([101, 201, 250]);
  });

  it('keeps the pushed end when the final read fails', async () => {
    const { f } = follower([new ConnectionError('down')], { pollIntervalMs: 60_000 });
    const done = f.follow();
    f.push(completed);
    await vi.advanceTimersByTimeAsync(0);
    await expect(done).resolves.toEqual(completed);
  });

  it('ignores a stale push or read that is behind what it has, and jobs of other imports', async () => {
    const { f, updates } = follower([at(101), completed], { pollIntervalMs: 1000 });
    f.push(at(201));
    f.push(makeImportJob({ id: 'other', status: 'COMPLETED' }));
    const done = f.follow();
    await vi.advanceTimersByTimeAsync(1000);
    expect(f.job.lastRow).toBe(201);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(done).resolves.toEqual(completed);
    expect(updates.map((j) => j.lastRow)).toEqual([201, 250]);
  });

  it('rides out a few network failures, but gives up after five in a row', async () => {
    const down = new ConnectionError('The API does not answer');
    const recovers = follower([down, down, at(101), completed]);
    const ok = recovers.f.follow();
    await vi.advanceTimersByTimeAsync(4000);
    await expect(ok).resolves.toEqual(completed);

    const { f } = follower([down]);
    const failed = f.follow();
    const expectation = expect(failed).rejects.toBe(down);
    await vi.advanceTimersByTimeAsync(5000);
    await expectation;
  });

  it('stops at once on a GraphQL error: the API will answer the same again', async () => {
    const refused = new GraphqlCallError('importJob', 'Unauthorized', 'Not Authorized to access importJob on type Query');
    const { f, read } = follower([refused]);
    const failed = f.follow();
    const expectation = expect(failed).rejects.toBe(refused);
    await vi.advanceTimersByTimeAsync(1000);
    await expectation;
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('gives up on a job that makes no progress, saying how to look it up later', async () => {
    const { f } = follower([at(101)], { stallTimeoutMs: 10_000 });
    const failed = f.follow();
    const expectation = expect(failed).rejects.toThrow(StalledImportError);
    await vi.advanceTimersByTimeAsync(11_000);
    await expectation;
    await expect(failed).rejects.toThrow(/no progress for 10 s \(still RUNNING at row 101\).*importJob\(eventId: "event-1", id: "job-1"\)/);
  });
});
