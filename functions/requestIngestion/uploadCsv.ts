// The PUT of an attachment to the presigned URL startImport handed out, with the headers it
// signed (the Content-Type). Its arrival in the imports bucket starts the importer, exactly
// as a client's upload does. A 4xx is the bucket's refusal (UploadRefusedError); network
// errors, timeouts, 408, 429 and 5xx are worth a retry (with a new job: a URL is single-use
// in practice, and the unused job expires).
import { UploadRefusedError } from './errors';

/** How long one PUT may take: well within the function's timeout (infra/requestIngestion.ts). */
export const UPLOAD_TIMEOUT_MS = 20_000;

const RETRYABLE_STATUSES: readonly number[] = [408, 429];

/** Thrown for answers worth a retry (5xx, 408, 429). */
export class UploadFailedError extends Error {
  readonly status: number;

  constructor(status: number, body: string) {
    super(`The upload failed with HTTP ${status}: ${body.slice(0, 200)}`);
    this.name = 'UploadFailedError';
    this.status = status;
  }
}

export type UploadPort = (url: string, headers: Record<string, string>, content: Uint8Array) => Promise<void>;

export const uploadCsv: UploadPort = async (url, headers, content) => {
  const response = await fetch(url, { method: 'PUT', headers, body: content, signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  if (response.ok) {
    await response.arrayBuffer();
    return;
  }
  const body = await response.text();
  if (response.status >= 500 || RETRYABLE_STATUSES.includes(response.status)) throw new UploadFailedError(response.status, body);
  throw new UploadRefusedError(response.status, body);
};
