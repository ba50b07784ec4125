// The bulk import's core: a CSV (an S3 object's body) in, invitations out through the invite
// port in chunks, the job's summary back. No AWS here: the handler passes the body, the
// ports and the last checkpoint (README.md).
//
// Row by row, in file order: the header row names the columns (readHeader.ts); each data
// row is checked with the API's rules (checkRow.ts) and against the rows before it
// (firstRows.ts); valid rows wait in a chunk of up to INVITE_LIMITS.perCall, which is sent
// before the next row is read. So when a chunk's answer is in, every row up to the chunk's
// last one is settled, and the summary handed to `progress` is a checkpoint: a retry that
// resumes from it reads the rows up to its lastRow again (to know which addresses came
// first) but sends none of them, and carries its counts on.
import { INVITE_LIMITS } from '../../resolvers/lib/invites';
import { checkRow, isBlank } from './checkRow';
import { ImportFileError, InviteRefusedError } from './errors';
import { FirstRows } from './firstRows';
import { checkCheckpoint, countIssue, newSummary, type ImportCheckpoint, type ImportStop, type ImportSummary } from './importSummary';
import type { InviteCandidate, InvitePort } from './invitePort';
import { openCsv, type CsvSource } from './openCsv';
import { readHeader, type CsvColumns } from './readHeader';
import { settleChunk } from './settleChunk';

/** Rows per invite call: the mutation's own limit (schema.graphql, inviteAttendees). */
export const CHUNK_SIZE = INVITE_LIMITS.perCall;

export type ImportPorts = {
  invite: InvitePort;
  /**
   * Called after each chunk's answer (every CHUNK_SIZE valid rows at most) with a copy of
   * the summary: store it as the job's checkpoint, push it to subscribers. Its errors
   * propagate out of importCsv, like the invite port's.
   */
  progress(summary: ImportSummary): Promise<void>;
};

export type ImportOptions = {
  /** The last summary `progress` was given, when this is a retry of an interrupted import. */
  resumeFrom?: ImportCheckpoint | null;
};

/**
 * Imports the CSV in `source` and resolves to the final summary (`done: true`).
 *
 * Rejects with an ImportFileError (a PermanentError) when the file cannot be imported:
 * empty, no email column, UTF-16, or a quote left open (then after the chunks before it were
 * sent, which the last progress summary counts); with the ports' own errors otherwise.
 * The source is closed in every case.
 */
export async function importCsv(source: CsvSource, ports: ImportPorts, options: ImportOptions = {}): Promise<ImportSummary> {
  const csv = await openCsv(source);
  let resume: ImportCheckpoint | null = null;
  const firstRows = new FirstRows();
  let columns: CsvColumns | null = null;
  let summary: ImportSummary | null = null;
  let chunk: InviteCandidate[] = [];

  const send = async (s: ImportSummary) => {
    const sending = chunk;
    chunk = [];
    try {
      const settled = settleChunk(sending, await ports.invite(sending));
      s.totals.invited += settled.invited;
      for (const { kind, issue } of settled.issues) countIssue(s, kind, issue);
    } catch (error) {
      if (!(error instanceof InviteRefusedError)) throw error;
      s.stopped = { row: sending[0].row, errorType: error.errorType, reason: error.message, errorInfo: error.errorInfo };
      for (const c of sending) countIssue(s, 'notInvited', { row: c.row, email: c.email, reason: stoppedReason(s.stopped) });
    }
    s.bytesRead = csv.bytesRead();
    await ports.progress(structuredClone(s));
  };

  for await (const record of csv.records) {
    if (!columns || !summary) {
      if (isBlank(record.fields)) continue;
      // Thrown here, a failure closes the source (the loop's exit destroys the stream chain).
      columns = readHeader(record.fields, record.row);
      resume = options.resumeFrom ? checkCheckpoint(options.resumeFrom) : null;
      summary = resume ? resumed(resume, csv.delimiter, columns) : newSummary(csv.delimiter, columns, record.row);
      continue;
    }
    const check = checkRow(record.fields, columns);
    if (resume && record.row <= resume.lastRow) {
      // Sent (or refused) before: only which address came first matters now.
      if (check.kind === 'valid') firstRows.seenAt(check.key, record.row);
      continue;
    }
    summary.lastRow = record.row;
    if (check.kind === 'blank') continue;
    summary.totals.rows += 1;
    if (check.kind === 'invalid') {
      countIssue(summary, 'invalid', { row: record.row, email: check.email, reason: check.reason });
      continue;
    }
    const firstRow = firstRows.seenAt(check.key, record.row);
    if (firstRow !== undefined) {
      countIssue(summary, 'duplicates', { row: record.row, email: check.email, reason: `repeats row ${firstRow}`, firstRow });
      continue;
    }
    summary.totals.valid += 1;
    if (summary.stopped) {
      countIssue(summary, 'notInvited', { row: record.row, email: check.email, reason: stoppedReason(summary.stopped) });
      continue;
    }
    chunk.push({ email: check.email, name: check.name, row: record.row });
    if (chunk.length === CHUNK_SIZE) await send(summary);
  }

  if (!summary) throw new ImportFileError('The file is empty: its first row must name the columns (email, required; name, optional).');
  if (chunk.length > 0) await send(summary);
  summary.bytesRead = csv.bytesRead();
  summary.done = true;
  return summary;
}

/** A not-invited row's reason: short, since up to ISSUES_KEPT carry it (the API's words are in `stopped`). */
function stoppedReason(stop: ImportStop): string {
  return `not sent: sending stopped at row ${stop.row} (${stop.errorType})`;
}

/** The checkpoint's counts, carried on; the columns as read again (the same file gives the same). */
function resumed(checkpoint: ImportCheckpoint, delimiter: ImportSummary['delimiter'], columns: CsvColumns): ImportSummary {
  if (checkpoint.delimiter !== delimiter || checkpoint.unknownColumnCount !== columns.unknownColumnCount) {
    throw new ImportFileError('The file is not the one this import started with (its header row changed): start a new import.');
  }
  return { ...structuredClone(checkpoint), unknownColumns: [...columns.unknownColumns] };
}
