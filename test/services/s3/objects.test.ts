// Object operations through the real @aws-sdk/client-s3 over HTTP, on the SDK's defaults
// (flexible checksums on: CRC32 headers, aws-chunked streams with trailers, checksum mode on GET).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3Harness } from './harness';

let h: S3Harness;
const Bucket = 'guest-lists';

beforeAll(async () => {
  h = await startS3();
  h.s3.store.createBucket(Bucket);
});
afterAll(() => h.stop());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as S3ServiceException;
  }
  throw new Error('the call succeeded');
}

describe('PutObject and GetObject', () => {
  it('stores bytes, content type and x-amz-meta-* under keys with slashes and unicode', async () => {
    const Key = 'imports/2030/Gäste liste+1.csv';
    const put = await h.client.send(new PutObjectCommand({ Bucket, Key, Body: 'name,email\nAda,ada@example.org\n', ContentType: 'text/csv', Metadata: { Source: 'upload-form' } }));
    expect(put.ETag).toBe(`"${md5('name,email\nAda,ada@example.org\n')}"`);
    expect(put.ChecksumCRC32).toBeDefined();
    const got = await h.client.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body!.transformToString()).toBe('name,email\nAda,ada@example.org\n');
    expect([got.ContentType, got.Metadata, got.ETag, got.ChecksumCRC32]).toEqual(['text/csv', { source: 'upload-form' }, put.ETag, put.ChecksumCRC32]);
    expect(h.s3.store.headObject(Bucket, Key).key).toBe(Key);
  });

  it('de-chunks a streamed body (aws-chunked with a CRC32 trailer) and stores only the payload', async () => {
    const body = Buffer.alloc(100_000, 'x');
    // One 100 kB chunk; several sub-8 KiB chunks would be InvalidChunkSizeError, as on S3.
    await h.client.send(new PutObjectCommand({ Bucket, Key: 'streamed', Body: Readable.from([body]), ContentLength: body.length }));
    const stored = await h.s3.store.getObject(Bucket, 'streamed');
    expect(Buffer.from(stored!).equals(body)).toBe(true);
    expect(h.s3.store.headObject(Bucket, 'streamed').contentEncoding).toBeUndefined();
    const got = await h.client.send(new GetObjectCommand({ Bucket, Key: 'streamed' }));
    expect((await got.Body!.transformToByteArray()).length).toBe(body.length);
  });

  it('refuses a stream of small chunks with InvalidChunkSizeError, as S3 does', async () => {
    const error = await failure(
      h.client.send(new PutObjectCommand({ Bucket, Key: 'tiny-chunks', Body: Readable.from([Buffer.from('abc'), Buffer.from('def')]), ContentLength: 6 })),
    );
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidChunkSizeError', 403]);
  });

  it('verifies and echoes CRC32C, SHA1 and SHA256 checksums, and GetObject validates them', async () => {
    for (const ChecksumAlgorithm of ['CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'] as const) {
      const put = await h.client.send(new PutObjectCommand({ Bucket, Key: `sum-${ChecksumAlgorithm}`, Body: 'checked', ChecksumAlgorithm }));
      const field = `Checksum${ChecksumAlgorithm}` as const;
      expect(put[field]).toBeDefined();
      const got = await h.client.send(new GetObjectCommand({ Bucket, Key: `sum-${ChecksumAlgorithm}` }));
      expect(got[field]).toBe(put[field]);
      expect(await got.Body!.transformToString()).toBe('checked');
    }
  });

  it('refuses a body whose checksum does not match with BadDigest', async () => {
    const error = await failure(h.client.send(new PutObjectCommand({ Bucket, Key: 'bad', Body: 'hello', ChecksumCRC32: 'AAAAAA==' })));
    expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['BadDigest', 'The CRC32 you specified did not match the calculated checksum.', 400]);
    const md5 = await failure(h.client.send(new PutObjectCommand({ Bucket, Key: 'bad', Body: 'hello', ContentMD5: Buffer.alloc(16).toString('base64') })));
    expect(md5.name).toBe('BadDigest');
  });

  it('serves byte ranges with 206 and Content-Range, and InvalidRange past the end', async () => {
    await h.client.send(new PutObjectCommand({ Bucket, Key: 'digits', Body: '0123456789' }));
    const part = await h.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=2-5' }));
    expect([await part.Body!.transformToString(), part.ContentRange, part.ContentLength, part.$metadata.httpStatusCode]).toEqual(['2345', 'bytes 2-5/10', 4, 206]);
    const suffix = await h.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=-3' }));
    expect(await suffix.Body!.transformToString()).toBe('789');
    const error = await failure(h.client.send(new GetObjectCommand({ Bucket, Key: 'digits', Range: 'bytes=20-' })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidRange', 416]);
  });

  it('answers NoSuchKey for a missing key, NotFound for HEAD, and conditional GETs', async () => {
    const missing = await failure(h.client.send(new GetObjectCommand({ Bucket, Key: 'nope' })));
    expect([missing.name, missing.message]).toEqual(['NoSuchKey', 'The specified key does not exist.']);
    const head = await failure(h.client.send(new HeadObjectCommand({ Bucket, Key: 'nope' })));
    expect([head.name, head.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
    const { ETag } = await h.client.send(new HeadObjectCommand({ Bucket, Key: 'digits' }));
    const notModified = await failure(h.client.send(new GetObjectCommand({ Bucket, Key: 'digits', IfNoneMatch: ETag })));
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const precondition = await failure(h.client.send(new PutObjectCommand({ Bucket, Key: 'digits', Body: 'x', IfNoneMatch: '*' })));
    expect(precondition.name).toBe('PreconditionFailed');
  });

  it('answers HeadObject with size, type, ETag, Last-Modified and metadata', async () => {
    await h.client.send(new PutObjectCommand({ Bucket, Key: 'head-me', Body: 'abc', ContentType: 'text/plain', Metadata: { a: '1' } }));
    const head = await h.client.send(new HeadObjectCommand({ Bucket, Key: 'head-me' }));
    expect([head.ContentLength, head.ContentType, head.Metadata, head.ETag]).toEqual([3, 'text/plain', { a: '1' }, '"900150983cd24fb0d6963f7d28e17f72"']);
    expect(head.LastModified).toBeInstanceOf(Date);
  });

  it('copies objects (metadata kept with COPY, replaced with REPLACE) and deletes them', async () => {
    await h.client.send(new PutObjectCommand({ Bucket, Key: 'src file', Body: 'copy me', ContentType: 'text/plain', Metadata: { who: 'ada' } }));
    const copy = await h.client.send(new CopyObjectCommand({ Bucket, Key: 'dst', CopySource: `${Bucket}/${encodeURIComponent('src file')}` }));
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5('copy me')}"`);
    const copied = await h.client.send(new HeadObjectCommand({ Bucket, Key: 'dst' }));
    expect([copied.Metadata, copied.ContentType]).toEqual([{ who: 'ada' }, 'text/plain']);
    await h.client.send(new CopyObjectCommand({ Bucket, Key: 'dst', CopySource: `${Bucket}/dst`, MetadataDirective: 'REPLACE', ContentType: 'text/csv', Metadata: { who: 'grace' } }));
    expect((await h.client.send(new HeadObjectCommand({ Bucket, Key: 'dst' }))).Metadata).toEqual({ who: 'grace' });
    const self = await failure(h.client.send(new CopyObjectCommand({ Bucket, Key: 'dst', CopySource: `${Bucket}/dst` })));
    expect(self.name).toBe('InvalidRequest');
    const deleted = await h.client.send(new DeleteObjectCommand({ Bucket, Key: 'dst' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    // Deleting a key that is not there is still a success (API_DeleteObject.html).
    expect((await h.client.send(new DeleteObjectCommand({ Bucket, Key: 'dst' }))).$metadata.httpStatusCode).toBe(204);
  });
});
