// Conditional requests: If-Match / If-None-Match / If-(Un)Modified-Since on reads, and the
// ETag lists they carry. https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
import { S3Error } from './errors';
import { unquote } from './etag';
import type { ObjectMeta } from './storage';

export type ReadConditions = { ifMatch?: string; ifNoneMatch?: string; ifModifiedSince?: string; ifUnmodifiedSince?: string };

/** Whether an If-Match / If-None-Match value (`*`, or ETags separated by commas) covers an ETag. */
export function etagListMatches(header: string, etag: string): boolean {
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || unquote(value) === unquote(etag);
  });
}

/**
 * GET and HEAD preconditions (RFC 7232 as S3 applies them): If-Match and
 * If-Unmodified-Since fail with 412, If-None-Match and If-Modified-Since with 304; a passing
 * If-Match overrides If-Unmodified-Since, a failing If-None-Match overrides If-Modified-Since.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export function checkReadConditions(meta: ObjectMeta, conditions: ReadConditions): void {
  const lastModified = meta.lastModified;
  const date = (text: string) => Date.parse(text);
  if (conditions.ifMatch !== undefined) {
    if (!etagListMatches(conditions.ifMatch, meta.etag)) {
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Match' });
    }
  } else if (conditions.ifUnmodifiedSince !== undefined && !Number.isNaN(date(conditions.ifUnmodifiedSince)) && lastModified > date(conditions.ifUnmodifiedSince)) {
    throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Unmodified-Since' });
  }
  if (conditions.ifNoneMatch !== undefined) {
    if (etagListMatches(conditions.ifNoneMatch, meta.etag)) throw new S3Error('NotModified', 'Not Modified');
  } else if (conditions.ifModifiedSince !== undefined && !Number.isNaN(date(conditions.ifModifiedSince)) && lastModified <= date(conditions.ifModifiedSince)) {
    throw new S3Error('NotModified', 'Not Modified');
  }
}
