// One uploaded CSV, as an import job: find the job its object key names, mark it RUNNING,
// stream the file through importCsv (checkpoint and subscription after every chunk), then
// mark it COMPLETED or FAILED and leave the organizer a summary notice. A job that already
// ended is not run again (S3 and SQS deliver at least once); a run that fails for a reason
// a retry may fix throws, and the next receive resumes from the last checkpoint.
import type { ImportJobRecord, NoticeRecord } from '../../resolvers/lib/records';
import { isPermanent } from '../lib/errors';
import type { log as writeLog } from '../lib/log';
import { importCsv } from './importCsv';
import { importNotice } from './importNotice';
import { checkCheckpoint, type ImportSummary } from './importSummary';
import type { InvitePort } from './invitePort';

export type JobPorts = {
  job(eventId: string, jobId: string): Promise<ImportJobRecord | null>;
  eventTitle(eventId: string): Promise<string>;
  /** WAITING_FOR_UPLOAD or RUNNING -> RUNNING (with the file's size); false when the job ended meanwhile. */
  start(job: ImportJobRecord, size: number | null): Promise<boolean>;
  checkpoint(job: ImportJobRecord, summary: ImportSummary): Promise<void>;
  finish(job: ImportJobRecord, status: 'COMPLETED' | 'FAILED', summary: ImportSummary | null, failureReason: string | null, notice: NoticeRecord): Promise<void>;
  /** Pushes the stored job to subscribers (best effort: a failure is logged, never retried). */
  report(job: ImportJobRecord): Promise<void>;
  file(job: ImportJobRecord): Promise<AsyncIterable<Uint8Array | string>>;
  invitePort(job: ImportJobRecord): InvitePort;
};

export type ImportObject = { eventId: string; jobId: string; size: number | null };

export type JobRun = { outcome: 'completed' | 'failed' | 'ignored'; reason?: string; summary?: ImportSummary | null };

export async function runImportJob(object: ImportObject, ports: JobPorts, log: typeof writeLog, now: () => Date = () => new Date()): Promise<JobRun> {
  const job = await ports.job(object.eventId, object.jobId);
  if (!job) return { outcome: 'ignored', reason: 'no import job for this object' };
  if (job.status === 'COMPLETED' || job.status === 'FAILED') return { outcome: 'ignored', reason: `the job is ${job.status} already` };
  if (!(await ports.start(job, object.size))) return { outcome: 'ignored', reason: 'the job ended meanwhile' };
  const report = async () => {
    try {
      await ports.report(job);
    } catch (error) {
      log('WARN', 'import progress not pushed to subscribers', { importId: job.id, error: (error as Error).message });
    }
  };
  await report();

  let resumeFrom: ImportSummary | null = null;
  let summary: ImportSummary | null = null;
  try {
    resumeFrom = job.summary ? checkCheckpoint(job.summary) : null;
    summary = await importCsv(await ports.file(job), {
      invite: ports.invitePort(job),
      progress: async (s) => {
        summary = s;
        await ports.checkpoint(job, s);
        await report();
      },
    }, { resumeFrom });
  } catch (error) {
    if (!isPermanent(error)) throw error;
    const reason = (error as Error).message;
    // The last checkpoint: this run's, or the one it resumed from (what the job keeps and the run reports).
    const kept = summary ?? resumeFrom;
    const title = await ports.eventTitle(job.eventId);
    await ports.finish(job, 'FAILED', kept, reason, importNotice(job, { status: 'FAILED', reason, summary: kept }, title, now()));
    await report();
    return { outcome: 'failed', reason, summary: kept };
  }
  const title = await ports.eventTitle(job.eventId);
  await ports.finish(job, 'COMPLETED', summary, null, importNotice(job, { status: 'COMPLETED', summary }, title, now()));
  await report();
  return { outcome: 'completed', summary };
}
