// The import's state as the job record keeps it: the totals, the first issues of each kind,
// the columns that were not read, whether (and why) sending stopped, and how far the file
// has been counted. It is the checkpoint too: plain JSON (no undefined, no Map), at most a
// few tens of KB (4 kinds x ISSUES_KEPT issues of up to 2 x ISSUE_TEXT_MAX characters, plus
// the unknown column names), so it fits one DynamoDB item with room to spare.
//
// Every data row that is not blank lands in exactly one bucket, so once the rows up to
// `lastRow` are settled (always, when the summary is handed out):
//   rows = invited + duplicates + invalid + rejected + notInvited
// `valid` counts the rows that passed the file's own checks (address, name, not a repeat in
// the file) and were sent, or would have been had sending not stopped.
import { MalformedInputError } from '../lib/errors';
import { clip } from './clip';
import type { Delimiter } from './detectDelimiter';

export const SUMMARY_VERSION = 1;
/** Issues kept for each kind, the lowest rows first; the totals count them all. */
export const ISSUES_KEPT = 20;
/** Characters kept of an issue's address and reason. */
export const ISSUE_TEXT_MAX = 320;

export type IssueKind = 'invalid' | 'duplicates' | 'rejected' | 'notInvited';
export const ISSUE_KINDS: readonly IssueKind[] = ['invalid', 'duplicates', 'rejected', 'notInvited'];

/** One row that was not invited. `firstRow` (repeats within the file only): the row it repeats. */
export type RowIssue = { row: number; email: string; reason: string; firstRow?: number };

export type ImportTotals = {
  /** Data rows read that are not blank (the header and empty lines are not rows). */
  rows: number;
  valid: number;
  invited: number;
  /** Repeats within the file, and addresses the API found already invited. */
  duplicates: number;
  /** Rows without a usable address or with a bad name, by the importer's checks or the API's. */
  invalid: number;
  /** Refused by the API: the address bounced, complained or unsubscribed. */
  rejected: number;
  /** Valid rows never invited: sending stopped (`stopped`), or the API did not report them. */
  notInvited: number;
};

/** Why sending stopped: the API refused a whole call (InviteRefusedError). */
export type ImportStop = {
  /** The first row of the refused chunk: from it on, no valid row was invited. */
  row: number;
  errorType: string;
  reason: string;
  errorInfo: Record<string, unknown> | null;
};

export type ImportSummary = {
  version: typeof SUMMARY_VERSION;
  delimiter: Delimiter;
  /** The first UNKNOWN_COLUMNS_KEPT header names that are neither email nor name. */
  unknownColumns: string[];
  unknownColumnCount: number;
  /**
   * The last spreadsheet row counted (records, not lines: the header is row 1 and a quoted
   * field spanning lines keeps its record one row). A resumed import sends nothing up to it.
   */
  lastRow: number;
  /** Bytes of the file read so far (some read ahead of lastRow): progress against its size. */
  bytesRead: number;
  totals: ImportTotals;
  issues: Record<IssueKind, RowIssue[]>;
  stopped: ImportStop | null;
  /** The whole file has been read and every row settled. */
  done: boolean;
};

/** What the caller stores after each chunk and passes back to resume: the summary itself. */
export type ImportCheckpoint = ImportSummary;

export function newSummary(delimiter: Delimiter, columns: { unknownColumns: string[]; unknownColumnCount: number }, headerRow: number): ImportSummary {
  return {
    version: SUMMARY_VERSION,
    delimiter,
    unknownColumns: [...columns.unknownColumns],
    unknownColumnCount: columns.unknownColumnCount,
    lastRow: headerRow,
    bytesRead: 0,
    totals: { rows: 0, valid: 0, invited: 0, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 },
    issues: { invalid: [], duplicates: [], rejected: [], notInvited: [] },
    stopped: null,
    done: false,
  };
}

/**
 * Counts an issue of `kind` and keeps it when it is among the ISSUES_KEPT lowest rows of its
 * kind (issues the API reports come in after later rows the importer refused itself).
 */
export function countIssue(summary: ImportSummary, kind: IssueKind, issue: RowIssue): void {
  summary.totals[kind] += 1;
  const kept = summary.issues[kind];
  if (kept.length >= ISSUES_KEPT && issue.row >= kept[kept.length - 1].row) return;
  let at = kept.length;
  while (at > 0 && kept[at - 1].row > issue.row) at -= 1;
  const stored: RowIssue = { row: issue.row, email: clip(issue.email, ISSUE_TEXT_MAX), reason: clip(issue.reason, ISSUE_TEXT_MAX) };
  if (issue.firstRow !== undefined) stored.firstRow = issue.firstRow;
  kept.splice(at, 0, stored);
  if (kept.length > ISSUES_KEPT) kept.pop();
}

/**
 * A checkpoint as the job record gave it back, checked before it is trusted: the version,
 * and the shape of every field the import adds to.
 */
export function checkCheckpoint(value: unknown): ImportCheckpoint {
  const c = value as Partial<ImportCheckpoint> | null;
  const totals = c?.totals as Record<string, unknown> | undefined;
  const countsOk = totals !== undefined && ['rows', 'valid', 'invited', 'duplicates', 'invalid', 'rejected', 'notInvited'].every((k) => Number.isInteger(totals[k]));
  const issuesOk = c?.issues !== undefined && ISSUE_KINDS.every((k) => Array.isArray(c.issues?.[k]));
  if (!c || c.version !== SUMMARY_VERSION || !Number.isInteger(c.lastRow) || !countsOk || !issuesOk || !Array.isArray(c.unknownColumns)) {
    throw new MalformedInputError(`not an import checkpoint of version ${SUMMARY_VERSION}`);
  }
  return c as ImportCheckpoint;
}
