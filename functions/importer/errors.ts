// The importer's two failures that no retry can fix (STYLE.md: decided by class, never by
// message). Both are PermanentErrors: the caller records the reason on the job and stops.
import { PermanentError } from '../lib/errors';

/**
 * The file cannot be imported as a whole: empty, no `email` column, not UTF-8, or a record
 * that never ends (a quote left open). Thrown before anything is sent when the header is at
 * fault; `row` is the spreadsheet row it is about, when there is one.
 */
export class ImportFileError extends PermanentError {
  readonly row: number | null;

  constructor(message: string, row: number | null = null) {
    super(message);
    this.name = 'ImportFileError';
    this.row = row;
  }
}

/**
 * The invite port's answer when the API refused a call as a whole for a reason every later
 * call would meet too (a limit reached, the event cancelled or gone, the organizer
 * suspended): nobody in the chunk was invited and nothing more is sent. The import carries
 * on reading, counting the remaining valid rows as not invited with this message as reason.
 */
export class InviteRefusedError extends PermanentError {
  /** The API's stable errorType (`LimitExceeded`, ...). */
  readonly errorType: string;
  readonly errorInfo: Record<string, unknown> | null;

  constructor(message: string, errorType: string, errorInfo: Record<string, unknown> | null = null) {
    super(message);
    this.name = 'InviteRefusedError';
    this.errorType = errorType;
    this.errorInfo = errorInfo;
  }
}
