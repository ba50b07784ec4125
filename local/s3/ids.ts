// Request ids as S3 writes them: x-amz-request-id is 16 upper-case hex characters,
// x-amz-id-2 (the host id) a base64 token (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html).
import { randomBytes } from 'node:crypto';

export function newRequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

export function newHostId(): string {
  return randomBytes(48).toString('base64');
}
