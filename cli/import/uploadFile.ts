// The presigned PUT of startImport: the file's bytes with exactly the headers the API gave.
// The body is a Blob over the file, so it is read from disk as it is sent and fetch knows its
// Content-Length (S3 refuses a presigned PUT sent chunked).
import { openAsBlob } from 'node:fs';
import { ConnectionError } from '../shared/errors';
import { causeOf } from '../shared/graphqlClient';
import { UploadError } from './errors';
import type { InputFile } from './inputFile';

export type UploadTarget = { uploadUrl: string; uploadHeaders: string | Record<string, string> };

export async function uploadFile(file: InputFile, target: UploadTarget): Promise<void> {
  // AWSJSON comes back as a JSON string.
  const headers = typeof target.uploadHeaders === 'string' ? (JSON.parse(target.uploadHeaders) as Record<string, string>) : target.uploadHeaders;
  let response: Response;
  try {
    response = await fetch(target.uploadUrl, { method: 'PUT', headers, body: await openAsBlob(file.path) });
  } catch (error) {
    throw new ConnectionError(`The upload to ${new URL(target.uploadUrl).host} failed (${causeOf(error)}).`, { cause: error });
  }
  if (!response.ok) throw new UploadError(response.status, s3ErrorOf(await response.text()));
}

/** S3 errors are XML: <Error><Code>…</Code><Message>…</Message></Error>. */
export function s3ErrorOf(body: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  if (code || message) return [code, message].filter(Boolean).join(': ');
  return body.trim().slice(0, 200);
}
