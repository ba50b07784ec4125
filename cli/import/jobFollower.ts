// Follows one import job to its end from two sources: the jobs onImportProgress pushes, and
// importJob read every few seconds, so a dropped socket or a missed push costs a few seconds,
// never a hang. Either source may be behind the other; the job furthest along wins.
import { ConnectionError } from '../shared/errors';
import { StalledImportError } from './errors';
import type { ImportJobView } from './importOperations';

/** How often importJob is read while the import runs. */
export const POLL_INTERVAL_MS = 3_000;
/** No progress at all for this long ends the wait (the importer reports every 100 rows). */
export const STALL_TIMEOUT_MS = 5 * 60_000;
/** Reads in a row that may fail on the network before the CLI gives up. */
export const MAX_POLL_FAILURES = 5;

const STATUS_ORDER: Record<ImportJobView['status'], number> = { WAITING_FOR_UPLOAD: 0, RUNNING: 1, COMPLETED: 2, FAILED: 2 };

export function isFinished(job: Pick<ImportJobView, 'status'>): boolean {
  return job.status === 'COMPLETED' || job.status === 'FAILED';
}

/** Whether `a` is further along than `b`: by status, then rows read, then bytes read. */
export function isAhead(a: ImportJobView, b: ImportJobView): boolean {
  if (isFinished(b)) return false;
  if (STATUS_ORDER[a.status] !== STATUS_ORDER[b.status]) return STATUS_ORDER[a.status] > STATUS_ORDER[b.status];
  if (a.lastRow !== b.lastRow) return a.lastRow > b.lastRow;
  return a.bytesRead > b.bytesRead;
}

export type FollowOptions = {
  /** Reads the job now (importJob). */
  read: () => Promise<ImportJobView>;
  /** Called with each job that is further along than the last. */
  onUpdate: (job: ImportJobView) => void;
  pollIntervalMs?: number;
  stallTimeoutMs?: number;
  maxPollFailures?: number;
};

export class JobFollower {
  private latest: ImportJobView;
  private changedAt = Date.now();
  private pushedEnd = false;
  private wake: (() => void) | null = null;

  constructor(
    initial: ImportJobView,
    private readonly options: FollowOptions,
  ) {
    this.latest = initial;
  }

  get job(): ImportJobView {
    return this.latest;
  }

  /** A job from the subscription; may arrive at any time, also before follow() is called. */
  push(job: ImportJobView): void {
    if (!this.offer(job)) return;
    if (isFinished(job)) {
      this.pushedEnd = true;
      this.wake?.();
    }
  }

  /** Resolves with the job once it is COMPLETED or FAILED. */
  async follow(): Promise<ImportJobView> {
    const { pollIntervalMs = POLL_INTERVAL_MS, stallTimeoutMs = STALL_TIMEOUT_MS, maxPollFailures = MAX_POLL_FAILURES } = this.options;
    this.changedAt = Date.now();
    let failures = 0;
    while (!isFinished(this.latest)) {
      await this.pause(pollIntervalMs);
      if (isFinished(this.latest)) break;
      try {
        this.offer(await this.options.read());
        failures = 0;
      } catch (error) {
        // A GraphQL error is the API's answer (Unauthorized, NotFound ...): asking again will not change it.
        if (!(error instanceof ConnectionError) || ++failures >= maxPollFailures) throw error;
      }
      if (!isFinished(this.latest) && Date.now() - this.changedAt >= stallTimeoutMs) {
        throw new StalledImportError(
          `The import made no progress for ${Math.round(stallTimeoutMs / 1000)} s (still ${this.latest.status} at row ${this.latest.lastRow}). ` +
            `It may still finish: read importJob(eventId: "${this.latest.eventId}", id: "${this.latest.id}") later.`,
        );
      }
    }
    if (this.pushedEnd) {
      // The stored job is the record; the push is its copy. Keep the push if the read fails.
      try {
        const stored = await this.options.read();
        if (isFinished(stored)) this.latest = stored;
      } catch {
        // the pushed job is complete enough for the summary
      }
    }
    return this.latest;
  }

  private offer(job: ImportJobView): boolean {
    if (job.id !== this.latest.id || !isAhead(job, this.latest)) return false;
    this.latest = job;
    this.changedAt = Date.now();
    this.options.onUpdate(job);
    return true;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
