// Multipart operations on the wire: CreateMultipartUpload, UploadPart, UploadPartCopy,
// CompleteMultipartUpload, AbortMultipartUpload, ListParts.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
import { algorithmOfHeader, CHECKSUM_ALGORITHMS, checksumHeaderName, type ChecksumAlgorithm } from './checksums';
import { invalidArgument, malformedXml, S3Error } from './errors';
import { MAX_PARTS_PER_PAGE, type CompletedPart } from './multipart';
import { parseCopySource } from './objectRoutes';
import { parseBody } from './bucketRoutes';
import { parseRange } from './range';
import { LOCAL_CANONICAL_USER_ID, type S3Store } from './store';
import { integrityClaims, objectInputFrom, queryValue, requestedAlgorithm, xmlDate, type S3Request, type S3Response } from './wire';
import { childrenNamed, childText, xmlDocument } from './xml';

const XML = { 'content-type': 'application/xml' };
const OWNER = { ID: LOCAL_CANONICAL_USER_ID, DisplayName: 'local-developer' };

export function createMultipartUpload(store: S3Store, request: S3Request): S3Response {
  const algorithm = requestedAlgorithm(request.headers, 'x-amz-checksum-algorithm');
  const type = request.headers['x-amz-checksum-type']?.toUpperCase();
  if (type !== undefined && algorithm === undefined) {
    throw invalidArgument('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.', 'x-amz-checksum-type', type);
  }
  const upload = store.createMultipartUpload(request.bucket!, request.key!, objectInputFrom(request.headers), algorithm ? { algorithm, type } : undefined);
  return {
    status: 200,
    headers: {
      ...XML,
      'x-amz-checksum-algorithm': upload.checksum?.algorithm,
      'x-amz-checksum-type': upload.checksum?.type,
      'x-amz-server-side-encryption': 'AES256',
    },
    body: xmlDocument('InitiateMultipartUploadResult', { Bucket: request.bucket!, Key: request.key!, UploadId: upload.uploadId }),
  };
}

export function uploadPart(store: S3Store, request: S3Request): S3Response {
  const part = store.uploadPart(request.bucket!, request.key!, queryValue(request, 'uploadId')!, partNumberOf(request), request.body, integrityClaims(request));
  return {
    status: 200,
    headers: {
      etag: part.etag,
      'x-amz-server-side-encryption': 'AES256',
      ...(part.checksum ? { [checksumHeaderName(part.checksum.algorithm)]: part.checksum.value } : {}),
    },
  };
}

/** UploadPart with x-amz-copy-source (and optionally x-amz-copy-source-range). */
export function uploadPartCopy(store: S3Store, request: S3Request): S3Response {
  const source = parseCopySource(request.headers['x-amz-copy-source']!);
  const read = store.readObject(source.bucket, source.key, {});
  let body = read.body;
  const rangeHeader = request.headers['x-amz-copy-source-range'];
  if (rangeHeader !== undefined) {
    const range = parseRange(rangeHeader, read.meta.size);
    if (!range) throw invalidArgument('The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy', 'x-amz-copy-source-range', rangeHeader);
    body = body.subarray(range.start, range.end + 1);
  }
  const part = store.uploadPart(request.bucket!, request.key!, queryValue(request, 'uploadId')!, partNumberOf(request), Buffer.from(body));
  return {
    status: 200,
    headers: XML,
    body: xmlDocument('CopyPartResult', {
      ETag: part.etag,
      LastModified: xmlDate(part.lastModified),
      ...(part.checksum ? { [`Checksum${part.checksum.algorithm}`]: part.checksum.value } : {}),
    }),
  };
}

export function completeMultipartUpload(store: S3Store, request: S3Request): S3Response {
  const root = parseBody(request.body);
  if (root.name !== 'CompleteMultipartUpload') throw malformedXml('the root element is not <CompleteMultipartUpload>');
  const parts: CompletedPart[] = childrenNamed(root, 'Part').map((node) => {
    const number = Number(childText(node, 'PartNumber'));
    const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const value = childText(node, `Checksum${algorithm}`);
      if (value !== undefined) checksums[algorithm] = value.trim();
    }
    return { partNumber: number, etag: (childText(node, 'ETag') ?? '').trim(), checksums };
  });
  // A whole-object checksum may come as a header (x-amz-checksum-<algorithm>) with FULL_OBJECT uploads.
  let fullObjectChecksum: { algorithm: ChecksumAlgorithm; value: string } | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    const algorithm = algorithmOfHeader(name);
    if (algorithm) fullObjectChecksum = { algorithm, value };
  }
  const meta = store.completeMultipartUpload(request.bucket!, request.key!, queryValue(request, 'uploadId')!, parts, {
    ...(fullObjectChecksum ? { fullObjectChecksum } : {}),
    context: request.context,
  });
  const location = `${request.origin}/${request.virtualHosted ? '' : `${request.bucket}/`}${encodeURIComponent(request.key!).replace(/%2F/g, '/')}`;
  return {
    status: 200,
    headers: { ...XML, 'x-amz-server-side-encryption': 'AES256' },
    body: xmlDocument('CompleteMultipartUploadResult', {
      Location: location,
      Bucket: request.bucket!,
      Key: request.key!,
      ETag: meta.etag,
      ...(meta.checksum ? { [`Checksum${meta.checksum.algorithm}`]: meta.checksum.value, ChecksumType: meta.checksum.type } : {}),
    }),
  };
}

export function abortMultipartUpload(store: S3Store, request: S3Request): S3Response {
  store.abortMultipartUpload(request.bucket!, request.key!, queryValue(request, 'uploadId')!);
  return { status: 204 };
}

export function listParts(store: S3Store, request: S3Request): S3Response {
  const upload = store.getUpload(request.bucket!, request.key!, queryValue(request, 'uploadId')!);
  const marker = Number(queryValue(request, 'part-number-marker') ?? 0);
  const maxParts = Math.min(Number(queryValue(request, 'max-parts') ?? MAX_PARTS_PER_PAGE), MAX_PARTS_PER_PAGE);
  const all = [...upload.parts.values()].sort((a, b) => a.partNumber - b.partNumber).filter((p) => p.partNumber > marker);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  return {
    status: 200,
    headers: XML,
    body: xmlDocument('ListPartsResult', {
      Bucket: request.bucket!,
      Key: request.key!,
      UploadId: upload.uploadId,
      PartNumberMarker: marker,
      NextPartNumberMarker: page.length ? page[page.length - 1]!.partNumber : marker,
      MaxParts: maxParts,
      IsTruncated: truncated,
      Part: page.map((p) => ({
        PartNumber: p.partNumber,
        LastModified: xmlDate(p.lastModified),
        ETag: p.etag,
        Size: p.size,
        ...(p.checksum ? { [`Checksum${p.checksum.algorithm}`]: p.checksum.value } : {}),
      })),
      Initiator: OWNER,
      Owner: OWNER,
      StorageClass: 'STANDARD',
      ChecksumAlgorithm: upload.checksum?.algorithm,
      ChecksumType: upload.checksum?.type,
    }),
  };
}

function partNumberOf(request: S3Request): number {
  const text = queryValue(request, 'partNumber') ?? '';
  if (!/^\d+$/.test(text)) throw new S3Error('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', { ArgumentName: 'partNumber', ArgumentValue: text });
  return Number(text);
}
