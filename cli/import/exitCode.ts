// The CLI's exit status for an import that ended: scripts can tell a complete import from
// one a limit cut short, and both from a failure.
import type { ImportJobView } from './importOperations';

export const EXIT_CODES = {
  /** Every row was read and nothing stopped the invitations. */
  completed: 0,
  /** FAILED, or the CLI could not follow the import (any error). */
  failed: 1,
  /** COMPLETED, but a limit stopped the invitations at stoppedAtRow. */
  stopped: 2,
} as const;

export function exitCodeFor(job: Pick<ImportJobView, 'status' | 'stoppedAtRow'>): number {
  if (job.status !== 'COMPLETED') return EXIT_CODES.failed;
  return job.stoppedAtRow == null ? EXIT_CODES.completed : EXIT_CODES.stopped;
}
