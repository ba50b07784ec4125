// AppSync Lambda data source behind startImport: a presigned PUT URL for the import's object
// in the imports bucket (IMPORTS_BUCKET). The URL signs the Content-Type, so the upload must
// send the headers it is given back.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { requireEnv } from '../lib/env';
import { MalformedInputError } from '../lib/errors';

export type UploadRequest = { objectKey: string; contentType: string; expiresInSeconds: number };
export type UploadUrl = { url: string; headers: Record<string, string>; expiresAt: string };

const IMPORTS_PREFIX = 'imports/';
const MIN_EXPIRY_SECONDS = 60;
const MAX_EXPIRY_SECONDS = 3600;

let presigner: S3Client | undefined;

/**
 * An S3 client of its own, that adds no flexible checksum: with the SDK's default
 * (WHEN_SUPPORTED) a presigned PutObject carries x-amz-checksum-crc32 of the empty body it
 * was signed with (AAAAAA==), which the uploaded file would never match.
 */
function presignClient(region: string): S3Client {
  presigner ??= new S3Client({ region, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return presigner;
}

export async function handler(event: UploadRequest): Promise<UploadUrl> {
  const { IMPORTS_BUCKET, REGION } = requireEnv(['IMPORTS_BUCKET', 'REGION']);
  if (typeof event?.objectKey !== 'string' || !event.objectKey.startsWith(IMPORTS_PREFIX)) throw new MalformedInputError(`objectKey must start with ${IMPORTS_PREFIX}`);
  if (typeof event.contentType !== 'string' || event.contentType.trim() === '') throw new MalformedInputError('contentType must be a media type (text/csv)');
  if (typeof event.expiresInSeconds !== 'number' || !Number.isFinite(event.expiresInSeconds)) throw new MalformedInputError('expiresInSeconds must be a number of seconds');
  const expiresIn = Math.min(Math.max(Math.floor(event.expiresInSeconds), MIN_EXPIRY_SECONDS), MAX_EXPIRY_SECONDS);
  const command = new PutObjectCommand({ Bucket: IMPORTS_BUCKET, Key: event.objectKey, ContentType: event.contentType });
  const url = await getSignedUrl(presignClient(REGION), command, {
    expiresIn,
    // The signature covers the Content-Type: the upload cannot claim another type.
    signableHeaders: new Set(['content-type']),
  });
  return { url, headers: { 'content-type': event.contentType }, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
}
