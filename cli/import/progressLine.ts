// One line of progress for an import job: a bar on a terminal, the same facts as text
// elsewhere. Progress is bytesRead against size (the file's bytes, known once it arrived).
import { formatBytes } from './formatBytes';
import type { ImportJobView } from './importOperations';

/** Characters inside the bar's brackets. */
export const BAR_WIDTH = 24;

type Progress = Pick<ImportJobView, 'status' | 'size' | 'bytesRead' | 'lastRow' | 'totals'>;

/** How much of the file was read, 0..1; null while the size is unknown. An ended job counts as read. */
export function readFraction(job: Progress): number | null {
  if (job.status === 'COMPLETED' || job.status === 'FAILED') return 1;
  if (job.size == null) return null;
  if (job.size === 0) return 0;
  return Math.min(1, job.bytesRead / job.size);
}

/** `34%  9.2 kB of 27.0 kB  row 301  280 invited`, or what the job waits for. */
export function progressText(job: Progress): string {
  if (job.status === 'WAITING_FOR_UPLOAD') return 'waiting for the importer to pick up the file';
  const fraction = readFraction(job);
  // Floor, so 100% means read to the end.
  const percent = fraction === null ? '' : `${Math.floor(fraction * 100)}%  `;
  const bytes = job.size == null ? `${formatBytes(job.bytesRead)} read` : `${formatBytes(job.bytesRead)} of ${formatBytes(job.size)}`;
  return `${percent}${bytes}  row ${job.lastRow}  ${job.totals.invited} invited`;
}

export function progressBar(fraction: number | null, width = BAR_WIDTH): string {
  if (fraction === null) return `[${'?'.repeat(width)}]`;
  const filled = Math.floor(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/**
 * The terminal line: bar and text, cut to fit `columns` (a wrapped line could not be
 * redrawn in place with a carriage return).
 */
export function progressLine(job: Progress, columns = 80): string {
  const line = `${progressBar(job.status === 'WAITING_FOR_UPLOAD' ? 0 : readFraction(job))} ${progressText(job)}`;
  return line.length < columns ? line : line.slice(0, Math.max(0, columns - 1));
}

/** The plain line for logs and pipes: status first, no bar. */
export function plainProgressLine(job: Progress): string {
  return `${job.status} ${progressText(job)}`;
}
