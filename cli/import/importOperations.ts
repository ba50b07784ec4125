// The GraphQL the import CLI sends, typed with generated/graphql.ts (codegen makes schema
// types only, no per-operation types, so each result type picks what the document selects;
// test/unit/cli/import/importOperations.test.ts validates the documents against schema.graphql).
import type { ImportIssue, ImportJob, ImportTotals, ImportUpload } from '../../generated/graphql';

const JOB_FIELDS = /* GraphQL */ `
  id eventId status fileName size bytesRead lastRow
  totals { rows valid invited duplicates invalid rejected notInvited }
  issues { kind row email reason firstRow }
  unknownColumns stoppedAtRow failureReason
`;

export const START_IMPORT = /* GraphQL */ `
  mutation StartImport($eventId: ID!, $fileName: String) {
    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ${JOB_FIELDS} } }
  }
`;

export const IMPORT_JOB = /* GraphQL */ `
  query ImportJob($eventId: ID!, $id: ID!) {
    importJob(eventId: $eventId, id: $id) { ${JOB_FIELDS} }
  }
`;

export const ON_IMPORT_PROGRESS = /* GraphQL */ `
  subscription OnImportProgress($eventId: ID!, $id: ID!) {
    onImportProgress(eventId: $eventId, id: $id) { ${JOB_FIELDS} }
  }
`;

export type ImportTotalsView = Omit<ImportTotals, '__typename'>;
export type ImportIssueView = Omit<ImportIssue, '__typename'>;

/** An import job as the CLI selects it. */
export type ImportJobView = Pick<
  ImportJob,
  'id' | 'eventId' | 'status' | 'fileName' | 'size' | 'bytesRead' | 'lastRow' | 'unknownColumns' | 'stoppedAtRow' | 'failureReason'
> & { totals: ImportTotalsView; issues: ImportIssueView[] };

export type StartImportResult = { startImport: Pick<ImportUpload, 'uploadUrl' | 'uploadHeaders' | 'expiresAt'> & { job: ImportJobView } };
export type ImportJobResult = { importJob: ImportJobView };
export type OnImportProgressData = { onImportProgress: ImportJobView | null };
