// What the S3 routes share: a decoded request, the answer they build, and the mapping
// between HTTP headers and what S3 keeps with an object. Wire format only, no S3 rule.
// Header names and their meaning: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
// and https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
import type { S3Caller } from './auth';
import { algorithmOfHeader, checksumHeaderName, isChecksumAlgorithm, type ChecksumAlgorithm } from './checksums';
import { invalidRequest } from './errors';
import type { IntegrityClaims } from './integrity';
import type { EventContext } from './notifications';
import type { ObjectMeta } from './storage';
import type { ObjectInput } from './store';

export type S3Request = {
  method: string;
  bucket?: string;
  key?: string;
  query: Map<string, string[]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The payload, aws-chunked framing removed. */
  body: Buffer;
  /** Trailing headers of an aws-chunked body (lower-cased names). */
  trailers: Map<string, string>;
  caller: S3Caller;
  context: EventContext;
  /** `/bucket/key` for error bodies. */
  resource: string;
  /** scheme://host[:port] the client used, for Location answers. */
  origin: string;
  /** Whether the bucket came from the Host header (virtual-hosted style). */
  virtualHosted: boolean;
  /** x-amz-decoded-content-length of an aws-chunked body. */
  decodedContentLength?: number;
};

export type S3Response = { status: number; headers?: Record<string, string | number | undefined>; body?: string | Buffer };

export function queryValue(request: S3Request, name: string): string | undefined {
  return request.query.get(name)?.[0];
}

export function hasQuery(request: S3Request, name: string): boolean {
  return request.query.has(name);
}

/** Content headers and x-amz-meta-* of a PutObject / CreateMultipartUpload / CopyObject (REPLACE). */
export function objectInputFrom(headers: Record<string, string>): ObjectInput {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  // aws-chunked is how the body travelled, not how the object is encoded; S3 drops it.
  const contentEncoding = headers['content-encoding']
    ?.split(',')
    .map((e) => e.trim())
    .filter((e) => e && e.toLowerCase() !== 'aws-chunked')
    .join(',');
  const optional: Partial<ObjectInput> = {};
  if (headers['content-type']) optional.contentType = headers['content-type'];
  if (contentEncoding) optional.contentEncoding = contentEncoding;
  if (headers['content-disposition']) optional.contentDisposition = headers['content-disposition'];
  if (headers['content-language']) optional.contentLanguage = headers['content-language'];
  if (headers['cache-control']) optional.cacheControl = headers['cache-control'];
  if (headers.expires) optional.expires = headers.expires;
  return { ...optional, metadata };
}

/** The client's integrity claims: Content-MD5, one x-amz-checksum-* (header or trailer), a hex x-amz-content-sha256. */
export function integrityClaims(request: S3Request): IntegrityClaims {
  const claims: IntegrityClaims = {};
  if (request.headers['content-md5'] !== undefined) claims.contentMd5 = request.headers['content-md5'];
  const found: { algorithm: ChecksumAlgorithm; value: string }[] = [];
  for (const [name, value] of [...Object.entries(request.headers), ...request.trailers]) {
    const algorithm = algorithmOfHeader(name);
    if (algorithm) found.push({ algorithm, value });
  }
  if (found.length > 1) throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  if (found[0]) claims.checksum = found[0];
  const declaredTrailer = request.headers['x-amz-trailer'];
  if (declaredTrailer && algorithmOfHeader(declaredTrailer) && !request.trailers.has(declaredTrailer.toLowerCase())) {
    throw invalidRequest(`The request declares the trailer ${declaredTrailer} but the body does not carry it.`);
  }
  if (request.caller.payload.kind === 'sha256') claims.contentSha256 = request.caller.payload.hex;
  if (request.decodedContentLength !== undefined) claims.decodedContentLength = request.decodedContentLength;
  return claims;
}

/** x-amz-sdk-checksum-algorithm (PutObject, UploadPart) or x-amz-checksum-algorithm (CreateMultipartUpload, CopyObject). */
export function requestedAlgorithm(headers: Record<string, string>, name = 'x-amz-sdk-checksum-algorithm'): ChecksumAlgorithm | undefined {
  const value = headers[name]?.toUpperCase();
  if (value === undefined) return undefined;
  if (!isChecksumAlgorithm(value)) throw invalidRequest(`Value for ${name} header is invalid.`);
  return value;
}

/** Headers of a GET or HEAD answer for an object. */
export function objectHeaders(meta: ObjectMeta, withChecksum: boolean): Record<string, string | number | undefined> {
  const headers: Record<string, string | number | undefined> = {
    'content-type': meta.contentType,
    etag: meta.etag,
    'last-modified': new Date(meta.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'content-encoding': meta.contentEncoding,
    'content-disposition': meta.contentDisposition,
    'content-language': meta.contentLanguage,
    'cache-control': meta.cacheControl,
    expires: meta.expires,
    // S3 encrypts every new object with SSE-S3 by default and says so.
    'x-amz-server-side-encryption': 'AES256',
  };
  for (const [name, value] of Object.entries(meta.metadata)) headers[`x-amz-meta-${name}`] = value;
  if (withChecksum && meta.checksum) {
    headers[checksumHeaderName(meta.checksum.algorithm)] = meta.checksum.value;
    headers['x-amz-checksum-type'] = meta.checksum.type;
  }
  return headers;
}

/** GetObject's response-* query parameters override these headers in the answer. */
export const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/** ISO 8601 with milliseconds, as S3's XML dates are written. */
export function xmlDate(ms: number): string {
  return new Date(ms).toISOString();
}
