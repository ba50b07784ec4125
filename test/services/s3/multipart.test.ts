// Multipart uploads driven the way @aws-sdk/lib-storage's Upload drives them: create, parts
// sent in parallel (each with the SDK's default CRC32), list, complete with the part ETags and
// checksums, then read back. https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3Harness } from './harness';

let h: S3Harness;
const Bucket = 'csv-uploads';
const MiB = 1024 * 1024;

beforeAll(async () => {
  h = await startS3();
  h.s3.store.createBucket(Bucket);
});
afterAll(() => h.stop());

async function upload(Key: string, parts: Buffer[], create: Partial<ConstructorParameters<typeof CreateMultipartUploadCommand>[0]> = {}) {
  const { UploadId } = await h.client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'text/csv', ...create }));
  // lib-storage passes the upload's algorithm to every part; without it the SDK sends CRC32,
  // which S3 refuses for an upload created with another algorithm.
  const ChecksumAlgorithm = create.ChecksumAlgorithm;
  const sent = await Promise.all(parts.map((Body, i) => h.client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body, ChecksumAlgorithm }))));
  return { UploadId: UploadId!, sent };
}

describe('multipart uploads', () => {
  it('joins parts sent in parallel into one object with the md5-of-md5s-N ETag', async () => {
    const parts = [Buffer.alloc(5 * MiB, 'a'), Buffer.alloc(5 * MiB, 'b'), Buffer.from('last line\n')];
    const { UploadId, sent } = await upload('guests.csv', parts);
    const listed = await h.client.send(new ListPartsCommand({ Bucket, Key: 'guests.csv', UploadId }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag, p.ChecksumCRC32])).toEqual(sent.map((s, i) => [i + 1, parts[i]!.length, s.ETag, s.ChecksumCRC32]));
    const done = await h.client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'guests.csv',
        UploadId,
        MultipartUpload: { Parts: sent.map((s, i) => ({ PartNumber: i + 1, ETag: s.ETag, ChecksumCRC32: s.ChecksumCRC32 })) },
      }),
    );
    const md5s = Buffer.concat(parts.map((p) => createHash('md5').update(p).digest()));
    expect(done.ETag).toBe(`"${createHash('md5').update(md5s).digest('hex')}-3"`);
    expect(done.Location).toBe(`${h.server.url}/${Bucket}/guests.csv`);
    const head = await h.client.send(new HeadObjectCommand({ Bucket, Key: 'guests.csv' }));
    expect([head.ContentLength, head.ContentType, head.ETag]).toEqual([10 * MiB + 10, 'text/csv', done.ETag]);
    const tail = await h.client.send(new GetObjectCommand({ Bucket, Key: 'guests.csv', Range: `bytes=${10 * MiB}-` }));
    expect(await tail.Body!.transformToString()).toBe('last line\n');
    const second = await h.client.send(new GetObjectCommand({ Bucket, Key: 'guests.csv', PartNumber: 2 }));
    expect([second.ContentLength, second.PartsCount]).toEqual([5 * MiB, 3]);
  });

  it('gives a composite checksum when the upload was created with one, and GetObject accepts it', async () => {
    const parts = [Buffer.alloc(5 * MiB, 'c'), Buffer.from('end')];
    const { UploadId, sent } = await upload('sha.csv', parts, { ChecksumAlgorithm: 'SHA256' });
    expect(sent.every((s) => s.ChecksumSHA256)).toBe(true);
    const mismatch = await h.client
      .send(new UploadPartCommand({ Bucket, Key: 'sha.csv', UploadId, PartNumber: 3, Body: 'x' }))
      .catch((e: S3ServiceException) => e);
    expect((mismatch as S3ServiceException).message).toBe('Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32');
    const done = await h.client.send(
      new CompleteMultipartUploadCommand({ Bucket, Key: 'sha.csv', UploadId, MultipartUpload: { Parts: sent.map((s, i) => ({ PartNumber: i + 1, ETag: s.ETag, ChecksumSHA256: s.ChecksumSHA256 })) } }),
    );
    expect([done.ChecksumSHA256?.endsWith('-2'), done.ChecksumType]).toEqual([true, 'COMPOSITE']);
    const got = await h.client.send(new GetObjectCommand({ Bucket, Key: 'sha.csv' }));
    // The SDK skips validating "-N" checksums of whole multipart objects, as it must.
    expect((await got.Body!.transformToByteArray()).length).toBe(5 * MiB + 3);
  });

  it('refuses small parts, unknown parts and finished uploads, and aborts', async () => {
    const { UploadId, sent } = await upload('small.csv', [Buffer.from('too small'), Buffer.from('end')]);
    const parts = sent.map((s, i) => ({ PartNumber: i + 1, ETag: s.ETag }));
    const tooSmall = await h.client.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'small.csv', UploadId, MultipartUpload: { Parts: parts } })).catch((e: S3ServiceException) => e);
    expect((tooSmall as S3ServiceException).name).toBe('EntityTooSmall');
    const unknown = await h.client.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'small.csv', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00"' }] } })).catch((e: S3ServiceException) => e);
    expect((unknown as S3ServiceException).name).toBe('InvalidPart');
    await h.client.send(new AbortMultipartUploadCommand({ Bucket, Key: 'small.csv', UploadId }));
    const aborted = await h.client.send(new ListPartsCommand({ Bucket, Key: 'small.csv', UploadId })).catch((e: S3ServiceException) => e);
    expect([(aborted as S3ServiceException).name, (aborted as S3ServiceException).$metadata.httpStatusCode]).toEqual(['NoSuchUpload', 404]);
  });
});
