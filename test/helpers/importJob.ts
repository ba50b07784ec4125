// An import job as the CLI selects it, for tests of the CLI's formatting and following.
import type { ImportJobView } from '../../cli/import/importOperations';

export function makeImportJob(overrides: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: 'job-1',
    eventId: 'event-1',
    status: 'RUNNING',
    fileName: 'guests.csv',
    size: 10_000,
    bytesRead: 0,
    lastRow: 1,
    totals: { rows: 0, valid: 0, invited: 0, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 },
    issues: [],
    unknownColumns: [],
    stoppedAtRow: null,
    failureReason: null,
    ...overrides,
  };
}
