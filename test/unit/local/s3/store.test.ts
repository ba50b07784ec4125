// The S3 semantics without HTTP: buckets, integrity checks, conditional requests, ranges,
// copies and multipart rules, each as the S3 API reference describes it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../local/shared/clock';
import { createLogger } from '../../../../local/shared/logger';
import { checksumBase64, compositeChecksum } from '../../../../local/s3/checksums';
import { S3Error } from '../../../../local/s3/errors';
import { MIN_PART_SIZE } from '../../../../local/s3/multipart';
import { MemoryStorage } from '../../../../local/s3/storage';
import { parseRange } from '../../../../local/s3/range';
import { S3Store } from '../../../../local/s3/store';

const logger = createLogger('s3-test');

function store(region = 'us-east-1') {
  const s = new S3Store({ storage: new MemoryStorage(), clock: new ManualClock(), logger, region });
  s.createBucket('guest-lists');
  return s;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof S3Error) return error.code;
    throw error;
  }
  return 'no error';
}

const put = (s: S3Store, key: string, text: string, extra: Partial<Parameters<S3Store['writeObject']>[2]> = {}) =>
  s.writeObject('guest-lists', key, { body: Buffer.from(text), input: { metadata: {} }, ...extra });

describe('buckets (API_CreateBucket.html, API_DeleteBucket.html)', () => {
  it("answers 200 again for a bucket you own in us-east-1, BucketAlreadyOwnedByYou elsewhere", () => {
    expect(store().createBucket('guest-lists')).toEqual({ created: false });
    expect(code(() => store('eu-west-1').createBucket('guest-lists'))).toBe('BucketAlreadyOwnedByYou');
  });

  it('refuses invalid bucket names and non-empty deletes', () => {
    const s = store();
    expect(code(() => s.createBucket('Upper_Case'))).toBe('InvalidBucketName');
    expect(code(() => s.createBucket('ab'))).toBe('InvalidBucketName');
    expect(code(() => s.createBucket('192.168.1.1'))).toBe('InvalidBucketName');
    put(s, 'a', 'x');
    expect(code(() => s.deleteBucket('guest-lists'))).toBe('BucketNotEmpty');
    expect(code(() => s.headObject('missing-bucket', 'a'))).toBe('NoSuchBucket');
  });

  it('is the BucketTarget other services store through', async () => {
    const s = store();
    await s.putObject('guest-lists', 'emails/abc', Buffer.from('raw mime'), 'message/rfc822');
    expect(Buffer.from((await s.getObject('guest-lists', 'emails/abc'))!).toString()).toBe('raw mime');
    expect(s.headObject('guest-lists', 'emails/abc').contentType).toBe('message/rfc822');
    expect(await s.getObject('guest-lists', 'missing')).toBeUndefined();
  });
});

describe('integrity (checking-object-integrity.html)', () => {
  it('checks a flexible checksum and keeps it with the object', () => {
    const s = store();
    const meta = put(s, 'a', 'hello', { claims: { checksum: { algorithm: 'CRC32', value: 'NhCmhg==' } } });
    expect(meta.checksum).toEqual({ algorithm: 'CRC32', type: 'FULL_OBJECT', value: 'NhCmhg==' });
    expect(code(() => put(s, 'b', 'hello', { claims: { checksum: { algorithm: 'CRC32', value: 'AAAAAA==' } } }))).toBe('BadDigest');
  });

  it('computes the checksum asked for without a value, and checks Content-MD5 and x-amz-content-sha256', () => {
    const s = store();
    expect(put(s, 'a', 'hello', { checksumAlgorithm: 'SHA256' }).checksum?.value).toBe(checksumBase64('SHA256', Buffer.from('hello')));
    const md5 = createHash('md5').update('hello').digest('base64');
    expect(code(() => put(s, 'b', 'hello', { claims: { contentMd5: md5 } }))).toBe('no error');
    expect(code(() => put(s, 'b', 'hellO', { claims: { contentMd5: md5 } }))).toBe('BadDigest');
    expect(code(() => put(s, 'b', 'hello', { claims: { contentMd5: 'not-md5' } }))).toBe('InvalidDigest');
    expect(code(() => put(s, 'b', 'hello', { claims: { contentSha256: 'a'.repeat(64) } }))).toBe('XAmzContentSHA256Mismatch');
    expect(code(() => put(s, 'b', 'hello', { claims: { decodedContentLength: 6 } }))).toBe('IncompleteBody');
  });
});

describe('conditional requests (API_GetObject.html, API_PutObject.html)', () => {
  it('fails If-Match with 412 and If-None-Match with 304', () => {
    const s = store();
    const { etag } = put(s, 'a', 'v1');
    expect(code(() => s.headObject('guest-lists', 'a', { ifMatch: etag }))).toBe('no error');
    expect(code(() => s.headObject('guest-lists', 'a', { ifMatch: '"other"' }))).toBe('PreconditionFailed');
    expect(code(() => s.headObject('guest-lists', 'a', { ifNoneMatch: etag }))).toBe('NotModified');
    expect(code(() => s.headObject('guest-lists', 'a', { ifModifiedSince: new Date(Date.UTC(2031, 0, 1)).toUTCString() }))).toBe('NotModified');
    expect(code(() => s.headObject('guest-lists', 'a', { ifUnmodifiedSince: new Date(Date.UTC(2029, 0, 1)).toUTCString() }))).toBe('PreconditionFailed');
  });

  it('refuses to overwrite with If-None-Match: * (conditional writes)', () => {
    const s = store();
    put(s, 'a', 'v1');
    expect(code(() => put(s, 'a', 'v2', { ifNoneMatch: '*' }))).toBe('PreconditionFailed');
    expect(code(() => put(s, 'new', 'v1', { ifNoneMatch: '*' }))).toBe('no error');
    expect(code(() => put(s, 'missing', 'v1', { ifMatch: '"x"' }))).toBe('NoSuchKey');
  });
});

describe('ranges (API_GetObject.html, Range)', () => {
  it('reads bytes=a-b, bytes=a- and bytes=-n, clipping the end to the object', () => {
    expect(parseRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
  });

  it('serves the whole object for ranges it cannot read, and InvalidRange past the end', () => {
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined();
    expect(parseRange('items=0-1', 10)).toBeUndefined();
    expect(code(() => parseRange('bytes=10-', 10))).toBe('InvalidRange');
    const s = store();
    put(s, 'a', '0123456789');
    expect(s.readObject('guest-lists', 'a', { range: 'bytes=2-4' }).body.toString()).toBe('234');
  });
});

describe('copies (API_CopyObject.html)', () => {
  it('keeps metadata with COPY, takes the new one with REPLACE, and refuses a copy onto itself', () => {
    const s = store();
    put(s, 'src', 'data', { input: { contentType: 'text/csv', metadata: { origin: 'upload' } } });
    const copied = s.copyObject('guest-lists', 'dst', { sourceBucket: 'guest-lists', sourceKey: 'src', input: { metadata: {} } });
    expect([copied.contentType, copied.metadata]).toEqual(['text/csv', { origin: 'upload' }]);
    const replaced = s.copyObject('guest-lists', 'dst2', { sourceBucket: 'guest-lists', sourceKey: 'src', metadataDirective: 'REPLACE', input: { contentType: 'text/plain', metadata: { b: '1' } } });
    expect([replaced.contentType, replaced.metadata]).toEqual(['text/plain', { b: '1' }]);
    expect(code(() => s.copyObject('guest-lists', 'src', { sourceBucket: 'guest-lists', sourceKey: 'src', input: { metadata: {} } }))).toBe('InvalidRequest');
  });
});

describe('multipart uploads (mpuoverview.html, API_CompleteMultipartUpload.html)', () => {
  const big = Buffer.alloc(MIN_PART_SIZE, 1);

  it('joins parts into one object with the md5-of-md5s ETag', () => {
    const s = store();
    const upload = s.createMultipartUpload('guest-lists', 'big', { contentType: 'text/csv', metadata: {} });
    const p1 = s.uploadPart('guest-lists', 'big', upload.uploadId, 1, big);
    const p2 = s.uploadPart('guest-lists', 'big', upload.uploadId, 2, Buffer.from('tail'));
    const meta = s.completeMultipartUpload('guest-lists', 'big', upload.uploadId, [
      { partNumber: 1, etag: p1.etag, checksums: {} },
      { partNumber: 2, etag: p2.etag, checksums: {} },
    ]);
    expect(meta.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect([meta.size, meta.contentType, meta.partSizes]).toEqual([MIN_PART_SIZE + 4, 'text/csv', [MIN_PART_SIZE, 4]]);
    expect(s.readObject('guest-lists', 'big', { partNumber: 2 }).body.toString()).toBe('tail');
    expect(code(() => s.getUpload('guest-lists', 'big', upload.uploadId))).toBe('NoSuchUpload');
  });

  it('enforces part numbers, order, ETags and the 5 MiB minimum of every part but the last', () => {
    const s = store();
    const { uploadId } = s.createMultipartUpload('guest-lists', 'k', { metadata: {} });
    expect(code(() => s.uploadPart('guest-lists', 'k', uploadId, 0, big))).toBe('InvalidArgument');
    expect(code(() => s.uploadPart('guest-lists', 'k', uploadId, 10_001, big))).toBe('InvalidArgument');
    const p1 = s.uploadPart('guest-lists', 'k', uploadId, 1, Buffer.from('small'));
    const p2 = s.uploadPart('guest-lists', 'k', uploadId, 2, Buffer.from('tail'));
    const parts = (n1: number, n2: number) => [
      { partNumber: n1, etag: p1.etag, checksums: {} },
      { partNumber: n2, etag: p2.etag, checksums: {} },
    ];
    expect(code(() => s.completeMultipartUpload('guest-lists', 'k', uploadId, [parts(1, 2)[1]!, parts(1, 2)[0]!]))).toBe('InvalidPartOrder');
    expect(code(() => s.completeMultipartUpload('guest-lists', 'k', uploadId, [{ partNumber: 1, etag: '"0000"', checksums: {} }]))).toBe('InvalidPart');
    expect(code(() => s.completeMultipartUpload('guest-lists', 'k', uploadId, parts(1, 2)))).toBe('EntityTooSmall');
    expect(code(() => s.completeMultipartUpload('guest-lists', 'k', 'no-such-upload', parts(1, 2)))).toBe('NoSuchUpload');
  });

  it('gives composite checksums "<checksum of part checksums>-N" and full-object CRCs', () => {
    const s = store();
    const composite = s.createMultipartUpload('guest-lists', 'c', { metadata: {} }, { algorithm: 'CRC32' });
    expect(composite.checksum).toEqual({ algorithm: 'CRC32', type: 'COMPOSITE' });
    const c1 = s.uploadPart('guest-lists', 'c', composite.uploadId, 1, big, { checksum: { algorithm: 'CRC32', value: checksumBase64('CRC32', big) } });
    const c2 = s.uploadPart('guest-lists', 'c', composite.uploadId, 2, Buffer.from('tail'));
    expect(code(() => s.completeMultipartUpload('guest-lists', 'c', composite.uploadId, [{ partNumber: 1, etag: c1.etag, checksums: {} }]))).toBe('InvalidRequest');
    const meta = s.completeMultipartUpload('guest-lists', 'c', composite.uploadId, [
      { partNumber: 1, etag: c1.etag, checksums: { CRC32: c1.checksum!.value } },
      { partNumber: 2, etag: c2.etag, checksums: { CRC32: c2.checksum!.value } },
    ]);
    expect(meta.checksum).toEqual({ algorithm: 'CRC32', type: 'COMPOSITE', value: compositeChecksum('CRC32', [c1.checksum!.value, c2.checksum!.value]) });

    const full = s.createMultipartUpload('guest-lists', 'f', { metadata: {} }, { algorithm: 'CRC64NVME' });
    expect(full.checksum?.type).toBe('FULL_OBJECT');
    const f1 = s.uploadPart('guest-lists', 'f', full.uploadId, 1, Buffer.from('only part'));
    expect(s.completeMultipartUpload('guest-lists', 'f', full.uploadId, [{ partNumber: 1, etag: f1.etag, checksums: {} }]).checksum?.value).toBe(
      checksumBase64('CRC64NVME', Buffer.from('only part')),
    );
    expect(code(() => s.createMultipartUpload('guest-lists', 'x', { metadata: {} }, { algorithm: 'SHA256', type: 'FULL_OBJECT' }))).toBe('InvalidRequest');
    const mismatch = s.createMultipartUpload('guest-lists', 'm', { metadata: {} }, { algorithm: 'CRC32C' });
    expect(code(() => s.uploadPart('guest-lists', 'm', mismatch.uploadId, 1, big, { checksum: { algorithm: 'CRC32', value: checksumBase64('CRC32', big) } }))).toBe('InvalidRequest');
  });
});
