// Object operations on the wire: PutObject, CopyObject, GetObject, HeadObject, DeleteObject,
// DeleteObjects. Each decodes its headers and query, calls the store and writes S3's answer.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html
import { checksumHeaderName } from './checksums';
import { invalidRequest, malformedXml, S3Error } from './errors';
import { verifyIntegrity } from './integrity';
import type { ObjectMeta } from './storage';
import type { S3Store } from './store';
import { integrityClaims, objectHeaders, objectInputFrom, queryValue, requestedAlgorithm, RESPONSE_OVERRIDES, xmlDate, type S3Request, type S3Response } from './wire';
import { childrenNamed, childText, parseXml, xmlDocument, XmlParseError } from './xml';

export function putObject(store: S3Store, request: S3Request): S3Response {
  const meta = store.writeObject(request.bucket!, request.key!, {
    body: request.body,
    input: objectInputFrom(request.headers),
    claims: integrityClaims(request),
    checksumAlgorithm: requestedAlgorithm(request.headers),
    ifNoneMatch: request.headers['if-none-match'],
    ifMatch: request.headers['if-match'],
    context: request.context,
  });
  return { status: 200, headers: writeHeaders(meta) };
}

export function copyObject(store: S3Store, request: S3Request): S3Response {
  const source = parseCopySource(request.headers['x-amz-copy-source']!);
  const directive = request.headers['x-amz-metadata-directive']?.toUpperCase();
  if (directive !== undefined && directive !== 'COPY' && directive !== 'REPLACE') {
    throw new S3Error('InvalidArgument', 'Unknown metadata directive.', { ArgumentName: 'x-amz-metadata-directive', ArgumentValue: directive });
  }
  let meta: ObjectMeta;
  try {
    meta = store.copyObject(request.bucket!, request.key!, {
      sourceBucket: source.bucket,
      sourceKey: source.key,
      metadataDirective: directive === 'REPLACE' ? 'REPLACE' : 'COPY',
      input: objectInputFrom(request.headers),
      checksumAlgorithm: requestedAlgorithm(request.headers, 'x-amz-checksum-algorithm'),
      sourceConditions: {
        ifMatch: request.headers['x-amz-copy-source-if-match'],
        ifNoneMatch: request.headers['x-amz-copy-source-if-none-match'],
        ifModifiedSince: request.headers['x-amz-copy-source-if-modified-since'],
        ifUnmodifiedSince: request.headers['x-amz-copy-source-if-unmodified-since'],
      },
      context: request.context,
    });
  } catch (error) {
    // Every failed copy-source condition is a 412 (API_CopyObject.html), never a 304.
    if (error instanceof S3Error && error.code === 'NotModified') {
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    }
    throw error;
  }
  const checksum = meta.checksum ? { [`Checksum${meta.checksum.algorithm}`]: meta.checksum.value, ChecksumType: meta.checksum.type } : {};
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', 'x-amz-server-side-encryption': 'AES256' },
    body: xmlDocument('CopyObjectResult', { ETag: meta.etag, LastModified: xmlDate(meta.lastModified), ...checksum }),
  };
}

export function getObject(store: S3Store, request: S3Request, head: boolean): S3Response {
  const partNumberText = queryValue(request, 'partNumber');
  const result = store.readObject(request.bucket!, request.key!, {
    ifMatch: request.headers['if-match'],
    ifNoneMatch: request.headers['if-none-match'],
    ifModifiedSince: request.headers['if-modified-since'],
    ifUnmodifiedSince: request.headers['if-unmodified-since'],
    range: request.headers.range,
    partNumber: partNumberText === undefined ? undefined : Number(partNumberText),
  });
  // Checksums describe the whole object, so ranged answers carry none (API_GetObject.html).
  const wantsChecksum = request.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED' || queryValue(request, 'x-amz-checksum-mode') === 'ENABLED';
  const headers = objectHeaders(result.meta, wantsChecksum && !result.range);
  for (const [parameter, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = queryValue(request, parameter);
    if (value !== undefined) headers[header] = value;
  }
  headers['content-length'] = result.body.length;
  if (result.partsCount !== undefined) headers['x-amz-mp-parts-count'] = result.partsCount;
  if (result.range) headers['content-range'] = `bytes ${result.range.start}-${result.range.end}/${result.meta.size}`;
  return { status: result.range ? 206 : 200, headers, ...(head ? {} : { body: result.body }) };
}

export function deleteObject(store: S3Store, request: S3Request): S3Response {
  store.deleteObject(request.bucket!, request.key!, request.context);
  return { status: 204 };
}

/** POST /bucket?delete: the body must be protected by Content-MD5 or a flexible checksum (API_DeleteObjects.html). */
export function deleteObjects(store: S3Store, request: S3Request): S3Response {
  const claims = integrityClaims(request);
  if (claims.contentMd5 === undefined && claims.checksum === undefined) throw invalidRequest('Missing required header for this request: Content-MD5');
  verifyIntegrity(request.body, claims);
  let keys: string[];
  let quiet: boolean;
  try {
    const root = parseXml(request.body.toString('utf8'));
    if (root.name !== 'Delete') throw malformedXml('the root element is not <Delete>');
    keys = childrenNamed(root, 'Object').map((o) => childText(o, 'Key') ?? '');
    quiet = childText(root, 'Quiet')?.trim() === 'true';
  } catch (error) {
    if (error instanceof XmlParseError) throw malformedXml(error.message);
    throw error;
  }
  const result = store.deleteObjects(request.bucket!, keys, request.context);
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument('DeleteResult', {
      Deleted: quiet ? undefined : result.deleted.map((key) => ({ Key: key })),
      Error: result.errors.map((e) => ({ Key: e.key, Code: e.code, Message: e.message })),
    }),
  };
}

/** `x-amz-copy-source`: `bucket/key` or `/bucket/key`, URL-encoded, maybe `?versionId=`. */
export function parseCopySource(header: string): { bucket: string; key: string } {
  const withoutVersion = header.split('?')[0]!;
  const path = withoutVersion.startsWith('/') ? withoutVersion.slice(1) : withoutVersion;
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) {
    throw new S3Error('InvalidArgument', 'Invalid copy source object key', { ArgumentName: 'x-amz-copy-source', ArgumentValue: header });
  }
  let key: string;
  try {
    key = decodeURIComponent(path.slice(slash + 1));
  } catch {
    throw new S3Error('InvalidArgument', 'Invalid copy source encoding.', { ArgumentName: 'x-amz-copy-source', ArgumentValue: header });
  }
  return { bucket: decodeURIComponent(path.slice(0, slash)), key };
}

function writeHeaders(meta: ObjectMeta): Record<string, string> {
  const headers: Record<string, string> = { etag: meta.etag, 'x-amz-server-side-encryption': 'AES256' };
  if (meta.checksum) {
    headers[checksumHeaderName(meta.checksum.algorithm)] = meta.checksum.value;
    headers['x-amz-checksum-type'] = meta.checksum.type;
  }
  return headers;
}
