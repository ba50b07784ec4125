// Multipart uploads: parts kept until CompleteMultipartUpload joins them, with S3's rules on
// part numbers, part order, part size and part checksums, and the multipart ETag and
// checksum of the result. In-progress uploads live in memory only. No HTTP here.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
import { randomBytes } from 'node:crypto';
import { checksumBase64, compositeChecksum, type ChecksumAlgorithm, type ChecksumType } from './checksums';
import { invalidArgument, invalidRequest, noSuchUpload, S3Error } from './errors';
import { multipartEtag, objectEtag, unquote } from './etag';
import type { StoredChecksum } from './storage';

/** Every part but the last must be at least 5 MiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** Part numbers run from 1 to 10,000 (qfacts.html). */
export const MAX_PART_NUMBER = 10_000;
/** ListParts returns at most 1,000 parts per page (API_ListParts.html). */
export const MAX_PARTS_PER_PAGE = 1000;

export type UploadPart = {
  partNumber: number;
  etag: string;
  size: number;
  lastModified: number;
  body: Buffer;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
};

export type Upload<Input> = {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  /** Content type, metadata, … given at CreateMultipartUpload. */
  input: Input;
  checksum?: { algorithm: ChecksumAlgorithm; type: ChecksumType };
  parts: Map<number, UploadPart>;
};

/** A part as CompleteMultipartUpload lists it. */
export type CompletedPart = { partNumber: number; etag: string; checksums: Partial<Record<ChecksumAlgorithm, string>> };

export type CompletedUpload = { body: Buffer; etag: string; checksum?: StoredChecksum; partSizes: number[] };

export function checksumTypeFor(algorithm: ChecksumAlgorithm, requested?: string): ChecksumType {
  if (requested === undefined) return algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE';
  if (requested !== 'FULL_OBJECT' && requested !== 'COMPOSITE') throw invalidArgument('Value for x-amz-checksum-type header is invalid.', 'x-amz-checksum-type', requested);
  // Full-object checksums exist for the CRCs only; CRC64NVME has no composite form.
  if (requested === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256')) {
    throw invalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  if (requested === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw invalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.');
  }
  return requested;
}

export class MultipartUploads<Input> {
  private readonly uploads = new Map<string, Upload<Input>>();

  create(bucket: string, key: string, input: Input, now: number, checksum?: Upload<Input>['checksum']): Upload<Input> {
    const upload: Upload<Input> = {
      uploadId: randomBytes(48).toString('base64url'),
      bucket,
      key,
      initiated: now,
      input,
      ...(checksum ? { checksum } : {}),
      parts: new Map(),
    };
    this.uploads.set(upload.uploadId, upload);
    return upload;
  }

  get(bucket: string, key: string, uploadId: string): Upload<Input> {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(uploadId);
    return upload;
  }

  list(bucket: string): Upload<Input>[] {
    return [...this.uploads.values()].filter((u) => u.bucket === bucket);
  }

  abort(bucket: string, key: string, uploadId: string): void {
    this.get(bucket, key, uploadId);
    this.uploads.delete(uploadId);
  }

  dropBucket(bucket: string): void {
    for (const upload of this.list(bucket)) this.uploads.delete(upload.uploadId);
  }

  /** Stores a part (replacing one with the same number); its bytes were checked by the caller. */
  uploadPart(
    upload: Upload<Input>,
    partNumber: number,
    body: Buffer,
    now: number,
    provided?: { algorithm: ChecksumAlgorithm; value: string },
  ): UploadPart {
    checkPartNumber(partNumber);
    if (upload.checksum && provided && provided.algorithm !== upload.checksum.algorithm) {
      // Real S3's wording (https://github.com/apache/arrow-rs/issues/6793).
      throw invalidRequest(
        `Checksum Type mismatch occurred, expected checksum Type: ${upload.checksum.algorithm.toLowerCase()}, actual checksum Type: ${provided.algorithm.toLowerCase()}`,
      );
    }
    let checksum = provided;
    if (upload.checksum && !checksum) {
      checksum = { algorithm: upload.checksum.algorithm, value: checksumBase64(upload.checksum.algorithm, body) };
    }
    const part: UploadPart = { partNumber, etag: objectEtag(body), size: body.length, lastModified: now, body, ...(checksum ? { checksum } : {}) };
    upload.parts.set(partNumber, part);
    return part;
  }

  /** Joins the listed parts; the upload is gone afterwards. */
  complete(upload: Upload<Input>, listed: CompletedPart[]): CompletedUpload {
    if (listed.length === 0) throw new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
    const parts: UploadPart[] = [];
    let previous = 0;
    for (const entry of listed) {
      if (entry.partNumber <= previous) {
        throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.', {
          UploadId: upload.uploadId,
        });
      }
      previous = entry.partNumber;
      const part = upload.parts.get(entry.partNumber);
      if (!part || unquote(part.etag) !== unquote(entry.etag)) throw invalidPart(upload, entry);
      for (const [algorithm, value] of Object.entries(entry.checksums) as [ChecksumAlgorithm, string][]) {
        if (part.checksum?.algorithm === algorithm && part.checksum.value !== value) throw invalidPart(upload, entry);
      }
      if (upload.checksum?.type === 'COMPOSITE' && entry.checksums[upload.checksum.algorithm] === undefined) {
        // Real S3's wording (https://github.com/apache/opendal/pull/4580).
        throw invalidRequest(
          `The upload was created using a ${upload.checksum.algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${entry.partNumber} in the request.`,
        );
      }
      parts.push(part);
    }
    parts.forEach((part, index) => {
      if (index < parts.length - 1 && part.size < MIN_PART_SIZE) {
        throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
          ProposedSize: part.size,
          MinSizeAllowed: MIN_PART_SIZE,
          PartNumber: part.partNumber,
          ETag: unquote(part.etag),
        });
      }
    });
    const body = Buffer.concat(parts.map((p) => p.body));
    let checksum: StoredChecksum | undefined;
    if (upload.checksum) {
      const { algorithm, type } = upload.checksum;
      checksum =
        type === 'COMPOSITE'
          ? { algorithm, type, value: compositeChecksum(algorithm, parts.map((p) => p.checksum!.value)) }
          : { algorithm, type, value: checksumBase64(algorithm, body) };
    }
    this.uploads.delete(upload.uploadId);
    return { body, etag: multipartEtag(parts.map((p) => p.etag)), partSizes: parts.map((p) => p.size), ...(checksum ? { checksum } : {}) };
  }
}

export function checkPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(partNumber));
  }
}

function invalidPart(upload: Upload<unknown>, entry: CompletedPart): S3Error {
  return new S3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    { UploadId: upload.uploadId, PartNumber: entry.partNumber, ETag: unquote(entry.etag) },
  );
}
