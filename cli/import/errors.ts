// Failures of the import flow itself (the shared ones are in ../shared/errors.ts).
import { CliError } from '../shared/errors';

/** The presigned PUT was refused (expired URL, wrong headers, too large ...). */
export class UploadError extends CliError {
  override name = 'UploadError';
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`the upload was refused (HTTP ${status}${detail ? `: ${detail}` : ''})`);
  }
}

/** The job made no progress for too long; it may still finish on the server. */
export class StalledImportError extends CliError {
  override name = 'StalledImportError';
}
