import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../../functions/importer/importSummary';
import { runImportJob, type ImportObject, type JobPorts } from '../../../../functions/importer/runImportJob';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { importJobKey, importObjectKey } from '../../../../resolvers/lib/keys';
import type { ImportJobRecord, ImportSummaryRecord, NoticeRecord } from '../../../../resolvers/lib/records';
import { addresses, bucketsAddUp, csvOf, csvSource, fakePorts as fakeInvitePorts, type FakeInviteOptions } from './harness';

const NOW = new Date('2030-01-06T09:00:00.000Z');
const OBJECT: ImportObject = { eventId: 'evt-1', jobId: 'job-1', size: 4096 };

function makeJob(overrides: Partial<ImportJobRecord> = {}): ImportJobRecord {
  return {
    ...importJobKey('evt-1', 'job-1'),
    id: 'job-1',
    eventId: 'evt-1',
    organizerId: 'org-1',
    status: 'WAITING_FOR_UPLOAD',
    source: 'UPLOAD',
    fileName: 'guests.csv',
    objectKey: importObjectKey('evt-1', 'job-1'),
    size: null,
    summary: null,
    failureReason: null,
    createdAt: '2030-01-06T08:59:00.000Z',
    updatedAt: '2030-01-06T08:59:00.000Z',
    startedAt: null,
    finishedAt: null,
    expiresAt: 1_900_000_000,
    ...overrides,
  };
}

type StepError = Error | ((call: number) => Error | undefined);
const failure = (error: StepError | undefined, call: number) => (typeof error === 'function' ? error(call) : error);

/**
 * The job's ports over one in-memory job item (its status rules as awsPorts' conditions
 * have them), the CSV text of its object, and harness.ts's fake invite API. `steps` lists
 * every port call in order; each step's failure is chosen by the test.
 */
function fakeJobPorts(
  file: string,
  options: { job?: ImportJobRecord | null; invite?: FakeInviteOptions; checkpointError?: StepError; reportError?: StepError; startRefused?: boolean } = {},
) {
  const state = { job: options.job === undefined ? makeJob() : options.job, file };
  const api = fakeInvitePorts(options.invite);
  const steps: string[] = [];
  const checkpoints: ImportSummary[] = [];
  const notices: NoticeRecord[] = [];
  let checkpointCalls = 0;
  let reportCalls = 0;
  const ports: JobPorts = {
    job: vi.fn(async (eventId: string, jobId: string) => (state.job && state.job.eventId === eventId && state.job.id === jobId ? structuredClone(state.job) : null)),
    eventTitle: vi.fn(async () => 'Launch'),
    start: vi.fn(async (_job: ImportJobRecord, size: number | null) => {
      steps.push('start');
      if (options.startRefused || !state.job || !['WAITING_FOR_UPLOAD', 'RUNNING'].includes(state.job.status)) return false;
      state.job = { ...state.job, status: 'RUNNING', size, startedAt: state.job.startedAt ?? NOW.toISOString() };
      return true;
    }),
    checkpoint: vi.fn(async (_job: ImportJobRecord, summary: ImportSummary) => {
      steps.push(`checkpoint ${summary.lastRow}`);
      const error = failure(options.checkpointError, ++checkpointCalls);
      if (error) throw error;
      if (state.job?.status !== 'RUNNING') throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
      checkpoints.push(structuredClone(summary));
      state.job = { ...state.job, summary: structuredClone(summary) as ImportSummaryRecord };
    }),
    finish: vi.fn(async (_job: ImportJobRecord, status: 'COMPLETED' | 'FAILED', summary: ImportSummary | null, failureReason: string | null, notice: NoticeRecord) => {
      steps.push(`finish ${status}`);
      if (state.job?.status !== 'RUNNING') throw Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException' });
      state.job = { ...state.job, status, summary: structuredClone(summary) as ImportSummaryRecord | null, failureReason, finishedAt: NOW.toISOString() };
      notices.push(notice);
    }),
    report: vi.fn(async () => {
      steps.push('report');
      const error = failure(options.reportError, ++reportCalls);
      if (error) throw error;
    }),
    file: vi.fn(async () => csvSource(state.file, { chunkBytes: 1_000 })),
    invitePort: vi.fn(() => api.ports.invite),
  };
  return { ports, state, steps, checkpoints, notices, calls: api.calls, invited: api.invited, log: vi.fn() };
}

const run = (f: ReturnType<typeof fakeJobPorts>, object: ImportObject = OBJECT) => runImportJob(object, f.ports, f.log, () => NOW);

describe('a job that is not run', () => {
  it('is ignored when no job is recorded for the object', async () => {
    const f = fakeJobPorts(csvOf(addresses(3)), { job: null });
    expect(await run(f)).toEqual({ outcome: 'ignored', reason: 'no import job for this object' });
    expect(f.ports.job).toHaveBeenCalledWith('evt-1', 'job-1');
    expect(f.steps).toEqual([]);
  });

  it.each(['COMPLETED', 'FAILED'] as const)('is ignored when it is %s already (S3 and SQS deliver at least once)', async (status) => {
    const f = fakeJobPorts(csvOf(addresses(3)), { job: makeJob({ status }) });
    expect(await run(f)).toEqual({ outcome: 'ignored', reason: `the job is ${status} already` });
    expect(f.steps).toEqual([]);
    expect(f.ports.file).not.toHaveBeenCalled();
  });

  it('is ignored when it ended between the read and the start, reading no file and sending nothing', async () => {
    const f = fakeJobPorts(csvOf(addresses(3)), { startRefused: true });
    expect(await run(f)).toEqual({ outcome: 'ignored', reason: 'the job ended meanwhile' });
    expect(f.steps).toEqual(['start']);
    expect(f.ports.file).not.toHaveBeenCalled();
    expect(f.calls).toEqual([]);
  });
});

describe('a job that completes', () => {
  it('starts RUNNING with the object’s size, checkpoints and reports after every chunk, then finishes COMPLETED and reports', async () => {
    const f = fakeJobPorts(csvOf(addresses(250)));
    const result = await run(f);
    expect(f.ports.start).toHaveBeenCalledWith(expect.objectContaining({ id: 'job-1' }), 4096);
    expect(f.steps).toEqual(['start', 'report', 'checkpoint 101', 'report', 'checkpoint 201', 'report', 'checkpoint 251', 'report', 'finish COMPLETED', 'report']);
    expect(f.checkpoints.map((c) => c.totals.invited)).toEqual([100, 200, 250]);
    expect(f.checkpoints.every((c) => !c.done && bucketsAddUp(c))).toBe(true);
    expect(result).toEqual({ outcome: 'completed', summary: expect.objectContaining({ done: true, lastRow: 251 }) });
    expect(result.summary?.totals).toEqual({ rows: 250, valid: 250, invited: 250, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 });
    expect(f.state.job).toMatchObject({ status: 'COMPLETED', size: 4096, failureReason: null, summary: { done: true, totals: { invited: 250 } } });
  });

  it('leaves the organizer an IMPORT_FINISHED notice with the totals', async () => {
    const f = fakeJobPorts(csvOf(['ada@example.com', 'broken', 'ada@example.com']));
    await run(f);
    expect(f.ports.eventTitle).toHaveBeenCalledWith('evt-1');
    expect(f.notices).toEqual([
      expect.objectContaining({
        id: 'import-job-1',
        organizerId: 'org-1',
        kind: 'IMPORT_FINISHED',
        subject: 'Import finished: 1 invited to Launch',
        createdAt: NOW.toISOString(),
        details: expect.objectContaining({ eventId: 'evt-1', importId: 'job-1', status: 'COMPLETED', stoppedAtRow: null, failureReason: null }),
      }),
    ]);
    expect(f.notices[0]!.details.totals).toEqual({ rows: 3, valid: 1, invited: 1, duplicates: 1, invalid: 1, rejected: 0, notInvited: 0 });
  });

  it('completes an import that a limit stopped, saying so in the notice', async () => {
    const f = fakeJobPorts(csvOf(addresses(250)), { invite: { room: 150 } });
    const result = await run(f);
    expect(result.outcome).toBe('completed');
    expect(result.summary?.stopped).toMatchObject({ row: 102, errorType: 'LimitExceeded' });
    expect(f.state.job?.status).toBe('COMPLETED');
    expect(f.notices[0]).toMatchObject({ subject: 'Import stopped at a limit: Launch', details: { status: 'COMPLETED', stoppedAtRow: 102 } });
  });

  it('runs a header-only file to COMPLETED with nothing sent', async () => {
    const f = fakeJobPorts('email,name\n');
    expect(await run(f)).toMatchObject({ outcome: 'completed', summary: { done: true, totals: { rows: 0 } } });
    expect(f.steps).toEqual(['start', 'report', 'finish COMPLETED', 'report']);
  });
});

describe('a job that fails for good', () => {
  it('is FAILED with the reason when the file has no email column, nothing sent, and the organizer is told', async () => {
    const f = fakeJobPorts('name,phone\nAda,123\n');
    const result = await run(f);
    expect(result).toEqual({ outcome: 'failed', reason: expect.stringMatching(/^No email column/), summary: null });
    expect(f.calls).toEqual([]);
    expect(f.steps).toEqual(['start', 'report', 'finish FAILED', 'report']);
    expect(f.ports.finish).toHaveBeenCalledWith(expect.anything(), 'FAILED', null, result.reason, expect.anything());
    expect(f.state.job).toMatchObject({ status: 'FAILED', failureReason: result.reason, summary: null });
    expect(f.notices[0]).toMatchObject({ subject: 'Import failed: Launch', details: { status: 'FAILED', failureReason: result.reason } });
    expect(f.notices[0]!.message).toMatch(/Nobody was invited\.$/);
  });

  it('is FAILED for an empty file', async () => {
    const f = fakeJobPorts('');
    expect(await run(f)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^The file is empty/) });
  });

  it('keeps the last checkpoint’s counts when a PermanentError comes after chunks were sent', async () => {
    const malformed = new MalformedInputError('inviteAttendees answered without an invited list');
    const f = fakeJobPorts(csvOf(addresses(250)), { invite: {} });
    const invite = f.ports.invitePort(makeJob());
    let calls = 0;
    f.ports.invitePort = () => async (chunk) => {
      if (++calls === 2) throw malformed;
      return invite(chunk);
    };
    const result = await run(f);
    expect(result).toMatchObject({ outcome: 'failed', reason: malformed.message, summary: { lastRow: 101, totals: { invited: 100 } } });
    expect(f.ports.finish).toHaveBeenCalledWith(expect.anything(), 'FAILED', result.summary, malformed.message, expect.anything());
    expect(f.notices[0]!.message).toMatch(/Before that, 100 people were invited\.$/);
    expect(f.notices[0]!.details.totals).toMatchObject({ invited: 100 });
  });
});

describe('a job interrupted for a reason a retry may fix', () => {
  it('lets the error propagate, leaving the job RUNNING at its last checkpoint, unfinished and with no notice', async () => {
    const f = fakeJobPorts(csvOf(addresses(250)), { invite: { failOnCalls: [2] } });
    await expect(run(f)).rejects.toThrow('socket hang up');
    expect(f.state.job).toMatchObject({ status: 'RUNNING', summary: { lastRow: 101, totals: { invited: 100 } } });
    expect(f.ports.finish).not.toHaveBeenCalled();
    expect(f.notices).toEqual([]);
  });

  it('lets a failed checkpoint propagate too, sending no more chunks after it', async () => {
    const f = fakeJobPorts(csvOf(addresses(250)), { checkpointError: new Error('ProvisionedThroughputExceededException') });
    await expect(run(f)).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(f.calls).toHaveLength(1);
    expect(f.ports.finish).not.toHaveBeenCalled();
  });

  it('resumes on the next receive from the checkpoint: nobody is sent twice, the counts carry on', async () => {
    const f = fakeJobPorts(csvOf([...addresses(250), 'guest1@example.com']), { invite: { failOnCalls: [2] } });
    await expect(run(f)).rejects.toThrow('socket hang up');
    const result = await run(f);
    expect(result.outcome).toBe('completed');
    // Call 2 failed (rows 102..201, nobody invited); the retry sends from row 102 on.
    expect(f.calls.map((c) => [c[0]!.row, c.length])).toEqual([
      [2, 100],
      [102, 100],
      [102, 100],
      [202, 50],
    ]);
    expect(f.invited.size).toBe(250);
    expect(result.summary?.totals).toEqual({ rows: 251, valid: 250, invited: 250, duplicates: 1, invalid: 0, rejected: 0, notInvited: 0 });
    expect(result.summary?.issues.duplicates).toEqual([{ row: 252, email: 'guest1@example.com', reason: 'repeats row 2', firstRow: 2 }]);
    expect(f.notices).toHaveLength(1);
  });

  it('resumes from a stored checkpoint it checks first: one that is not a checkpoint fails the job, sending nothing', async () => {
    const f = fakeJobPorts(csvOf(addresses(3)), { job: makeJob({ status: 'RUNNING', summary: { version: 99 } as unknown as ImportSummaryRecord }) });
    const result = await run(f);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'not an import checkpoint of version 1' });
    expect(f.ports.file).not.toHaveBeenCalled();
    expect(f.calls).toEqual([]);
    expect(f.state.job?.status).toBe('FAILED');
  });

  it('fails, keeping the checkpoint’s counts, when the object changed between attempts (another header row)', async () => {
    const f = fakeJobPorts(csvOf(addresses(250)), { invite: { failOnCalls: [2] } });
    await expect(run(f)).rejects.toThrow('socket hang up');
    const checkpoint = f.state.job!.summary;
    f.state.file = csvOf(addresses(250), 'email,name,company');
    const result = await run(f);
    expect(result).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('not the one this import started with') });
    // What the run reports is what it stored: the checkpoint it resumed from.
    expect(result.summary).toEqual(checkpoint);
    expect(f.ports.finish).toHaveBeenLastCalledWith(expect.anything(), 'FAILED', checkpoint, result.reason, expect.anything());
    expect(f.notices[0]!.message).toMatch(/Before that, 100 people were invited\.$/);
    expect(f.calls).toHaveLength(2);
  });
});

describe('pushing progress to subscribers', () => {
  it('is best effort: a failing report is logged and never fails the run', async () => {
    const f = fakeJobPorts(csvOf(addresses(150)), { reportError: new Error('reportImportProgress: Unauthorized: not allowed') });
    expect(await run(f)).toMatchObject({ outcome: 'completed', summary: { totals: { invited: 150 } } });
    expect(f.ports.report).toHaveBeenCalledTimes(4);
    expect(f.log).toHaveBeenCalledTimes(4);
    expect(f.log).toHaveBeenCalledWith('WARN', 'import progress not pushed to subscribers', { importId: 'job-1', error: 'reportImportProgress: Unauthorized: not allowed' });
    expect(f.state.job?.status).toBe('COMPLETED');
  });

  it('is best effort on a failed job too', async () => {
    const f = fakeJobPorts('name\nAda\n', { reportError: (call) => (call === 2 ? new Error('socket hang up') : undefined) });
    expect(await run(f)).toMatchObject({ outcome: 'failed' });
    expect(f.log).toHaveBeenCalledTimes(1);
  });
});
