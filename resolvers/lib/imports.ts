// Import jobs as the API shows them (ImportJob), from the job item and the importer's summary.
import type { ImportJobRecord, ImportRowIssueRecord } from './records';

/** How long the upload URL of a new import stays valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** Import jobs are kept this long (TTL). */
export const IMPORT_JOB_TTL_SECONDS = 90 * 24 * 60 * 60;
/** The media type the upload must declare (the presigned URL signs it). */
export const IMPORT_CONTENT_TYPE = 'text/csv';
/** A file name is kept to this length. */
export const FILE_NAME_MAX_LENGTH = 255;

const NO_TOTALS = { rows: 0, valid: 0, invited: 0, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 };

const ISSUE_KINDS: [keyof NonNullable<ImportJobRecord['summary']>['issues'], string][] = [
  ['invalid', 'INVALID'],
  ['duplicates', 'DUPLICATE'],
  ['rejected', 'REJECTED'],
  ['notInvited', 'NOT_INVITED'],
];

export function toImportJob(job: ImportJobRecord) {
  const summary = job.summary;
  const issues: (ImportRowIssueRecord & { kind: string })[] = [];
  if (summary) {
    ISSUE_KINDS.forEach(([field, kind]) => {
      (summary.issues[field] ?? []).forEach((issue) => {
        issues.push({ kind, row: issue.row, email: issue.email, reason: issue.reason, firstRow: issue.firstRow });
      });
    });
  }
  return {
    id: job.id,
    eventId: job.eventId,
    status: job.status,
    source: job.source,
    fileName: job.fileName,
    size: job.size,
    bytesRead: summary ? summary.bytesRead : 0,
    lastRow: summary ? summary.lastRow : 0,
    totals: summary ? summary.totals : NO_TOTALS,
    issues,
    unknownColumns: summary ? summary.unknownColumns : [],
    stoppedAtRow: summary && summary.stopped ? summary.stopped.row : null,
    failureReason: job.failureReason ? job.failureReason : summary && summary.stopped ? summary.stopped.reason : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
