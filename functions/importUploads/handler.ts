// AppSync Lambda data source behind startImport: a presigned PUT URL for the import's object
// in the imports bucket (IMPORTS_BUCKET). The URL signs the Content-Type, so the upload must
// send the headers it is given back.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../lib/aws/s3';
import { requireEnv } from '../lib/env';
import { MalformedInputError } from '../lib/errors';

export type UploadRequest = { objectKey: string; contentType: string; expiresInSeconds: number };
export type UploadUrl = { url: string; headers: Record<string, string>; expiresAt: string };

const IMPORTS_PREFIX = 'imports/';

export async function handler(event: UploadRequest): Promise<UploadUrl> {
  const { IMPORTS_BUCKET } = requireEnv(['IMPORTS_BUCKET']);
  if (typeof event?.objectKey !== 'string' || !event.objectKey.startsWith(IMPORTS_PREFIX)) throw new MalformedInputError(`objectKey must start with ${IMPORTS_PREFIX}`);
  const expiresIn = Math.min(Math.max(Math.floor(event.expiresInSeconds), 60), 3600);
  const url = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: IMPORTS_BUCKET, Key: event.objectKey, ContentType: event.contentType }), {
    expiresIn,
    // The signature covers the Content-Type: the upload cannot claim another type.
    signableHeaders: new Set(['content-type']),
  });
  return { url, headers: { 'content-type': event.contentType }, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}
