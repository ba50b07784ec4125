// ETags as S3 computes them for unencrypted (and SSE-S3) objects: the MD5 of the bytes for a
// single PUT or copy, and for a multipart upload the MD5 of the concatenated binary MD5s of
// the parts, then `-<number of parts>`. Always sent with their double quotes.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html (ETag)
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums
import { createHash } from 'node:crypto';

export function objectEtag(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

/** `partEtags` as S3 returned them for each part (quoted MD5 hex), in part order. */
export function multipartEtag(partEtags: readonly string[]): string {
  const md5s = Buffer.concat(partEtags.map((etag) => Buffer.from(unquote(etag), 'hex')));
  return `"${createHash('md5').update(md5s).digest('hex')}-${partEtags.length}"`;
}

export function unquote(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}
