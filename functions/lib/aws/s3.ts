// The container's S3 client: created on first use, then reused. No endpoint in code: the SDK
// takes AWS_ENDPOINT_URL_S3 when it is set (the local runtime sets it).
import { S3Client } from '@aws-sdk/client-s3';
import { requireEnv } from '../env';

let client: S3Client | undefined;

/** The S3 client for the region in `REGION`. */
export function s3(): S3Client {
  client ??= new S3Client({ region: requireEnv(['REGION']).REGION });
  return client;
}
