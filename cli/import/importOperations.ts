// The GraphQL the import CLI sends, as typed documents of the generated client
// (generated/client/, `npm run codegen`): each document carries its result and variables
// types, so a selection and the code reading it cannot drift apart.
// test/unit/cli/import/importOperations.test.ts validates the documents against schema.graphql.
import { graphql } from '../../generated/client';
import type { ImportJobFieldsFragment } from '../../generated/client/graphql';

export const IMPORT_JOB_FIELDS = graphql(`
  fragment ImportJobFields on ImportJob {
    id eventId status fileName size bytesRead lastRow
    totals { rows valid invited duplicates invalid rejected notInvited }
    issues { kind row email reason firstRow }
    unknownColumns stoppedAtRow failureReason
  }
`);

export const START_IMPORT = graphql(`
  mutation StartImport($eventId: ID!, $fileName: String) {
    startImport(eventId: $eventId, fileName: $fileName) { uploadUrl uploadHeaders expiresAt job { ...ImportJobFields } }
  }
`);

export const IMPORT_JOB = graphql(`
  query ImportJob($eventId: ID!, $id: ID!) {
    importJob(eventId: $eventId, id: $id) { ...ImportJobFields }
  }
`);

export const ON_IMPORT_PROGRESS = graphql(`
  subscription OnImportProgress($eventId: ID!, $id: ID!) {
    onImportProgress(eventId: $eventId, id: $id) { ...ImportJobFields }
  }
`);

/** An import job as the CLI selects it. */
export type ImportJobView = ImportJobFieldsFragment;
export type ImportTotalsView = ImportJobView['totals'];
export type ImportIssueView = ImportJobView['issues'][number];
