// The summary printed when an import ends: the outcome, the totals, the ignored columns, the
// first issues with their rows, and why it stopped or failed.
import type { ImportIssueView, ImportJobView, ImportTotalsView } from './importOperations';

/** Issues listed in the summary; importJob keeps up to 20 of each kind. */
export const SHOWN_ISSUES = 10;

const TOTAL_LABELS: [keyof ImportTotalsView, string][] = [
  ['rows', 'rows'],
  ['valid', 'valid'],
  ['invited', 'invited'],
  ['duplicates', 'duplicates'],
  ['invalid', 'invalid'],
  ['rejected', 'rejected'],
  ['notInvited', 'not invited'],
];

type Summary = Pick<ImportJobView, 'id' | 'eventId' | 'status' | 'fileName' | 'totals' | 'issues' | 'unknownColumns' | 'stoppedAtRow' | 'failureReason'>;

export function formatSummary(job: Summary): string {
  const lines = [headline(job), `  job ${job.id} of event ${job.eventId}${job.fileName ? `, file ${job.fileName}` : ''}`, ''];
  const width = Math.max(...TOTAL_LABELS.map(([, label]) => label.length));
  for (const [key, label] of TOTAL_LABELS) lines.push(`  ${label.padEnd(width)}  ${job.totals[key]}`);
  if (job.unknownColumns.length > 0) lines.push('', `Ignored columns: ${job.unknownColumns.join(', ')}`);
  if (job.issues.length > 0) lines.push('', ...issueLines(job.issues));
  return `${lines.join('\n')}\n`;
}

function headline(job: Summary): string {
  const { invited, rows, notInvited } = job.totals;
  if (job.status === 'FAILED') return `Import failed: ${job.failureReason ?? 'no reason given'}`;
  if (job.status !== 'COMPLETED') return `Import ${job.status}: ${invited} invited so far`;
  if (job.stoppedAtRow != null) {
    return `Import stopped at row ${job.stoppedAtRow}: ${invited} of ${rows} rows invited, ${notInvited} not invited.\n  Reason: ${job.failureReason ?? 'a limit was reached'}`;
  }
  return `Import completed: ${invited} of ${rows} rows invited.`;
}

/** `  row 4  INVALID    not-an-address: not an email address`, in row order. */
export function issueLines(issues: ImportIssueView[], shown = SHOWN_ISSUES): string[] {
  const first = [...issues].sort((a, b) => a.row - b.row).slice(0, shown);
  const rowWidth = Math.max(...first.map((i) => String(i.row).length));
  const kindWidth = Math.max(...first.map((i) => i.kind.length));
  const lines = [issues.length > shown ? `Issues (first ${shown} of ${issues.length}):` : 'Issues:'];
  for (const issue of first) {
    lines.push(`  row ${String(issue.row).padStart(rowWidth)}  ${issue.kind.padEnd(kindWidth)}  ${issue.email || '(no address)'}: ${issue.reason}`);
  }
  return lines;
}
