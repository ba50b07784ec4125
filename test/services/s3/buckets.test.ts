// Bucket operations and listings through @aws-sdk/client-s3 over HTTP.
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type S3Harness } from './harness';

let h: S3Harness;
beforeAll(async () => {
  h = await startS3();
});
afterAll(() => h.stop());

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as S3ServiceException;
  }
  throw new Error('the call succeeded');
}

describe('buckets', () => {
  it('creates, heads, lists, locates and deletes buckets made at run time', async () => {
    await h.client.send(new CreateBucketCommand({ Bucket: 'runtime-bucket' }));
    expect((await h.client.send(new HeadBucketCommand({ Bucket: 'runtime-bucket' }))).BucketRegion).toBe('us-east-1');
    const list = await h.client.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('runtime-bucket');
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    // us-east-1 answers an empty LocationConstraint, which the SDK leaves undefined.
    expect((await h.client.send(new GetBucketLocationCommand({ Bucket: 'runtime-bucket' }))).LocationConstraint).toBeUndefined();
    // Creating a bucket you own again is a 200 in us-east-1 (API_CreateBucket.html).
    await expect(h.client.send(new CreateBucketCommand({ Bucket: 'runtime-bucket' }))).resolves.toBeDefined();
    await h.client.send(new DeleteBucketCommand({ Bucket: 'runtime-bucket' }));
    const gone = await failure(h.client.send(new HeadBucketCommand({ Bucket: 'runtime-bucket' })));
    expect([gone.name, gone.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
  });

  it('answers NoSuchBucket, InvalidBucketName and BucketNotEmpty as S3 does', async () => {
    const missing = await failure(h.client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })));
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual(['NoSuchBucket', 'The specified bucket does not exist', 404]);
    const invalid = await failure(h.client.send(new CreateBucketCommand({ Bucket: 'bad..name' })));
    expect(invalid.name).toBe('InvalidBucketName');
    await h.client.send(new CreateBucketCommand({ Bucket: 'full-bucket' }));
    await h.client.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'k', Body: 'x' }));
    const notEmpty = await failure(h.client.send(new DeleteBucketCommand({ Bucket: 'full-bucket' })));
    expect([notEmpty.name, notEmpty.$metadata.httpStatusCode]).toEqual(['BucketNotEmpty', 409]);
  });
});

describe('ListObjectsV2', () => {
  const Bucket = 'listing-bucket';
  const keys = ['imports/2030/a.csv', 'imports/2030/b.csv', 'imports/2031/c.csv', 'imports/readme.txt', 'mail/x.eml', 'top.txt'];

  beforeAll(async () => {
    await h.client.send(new CreateBucketCommand({ Bucket }));
    for (const Key of keys) await h.client.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
  });

  it('filters by prefix and rolls keys up at the delimiter', async () => {
    const page = await h.client.send(new ListObjectsV2Command({ Bucket, Prefix: 'imports/', Delimiter: '/' }));
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['imports/2030/', 'imports/2031/']);
    expect(page.Contents?.map((c) => [c.Key, c.Size, c.StorageClass])).toEqual([['imports/readme.txt', 18, 'STANDARD']]);
    expect([page.KeyCount, page.IsTruncated, page.Prefix, page.Delimiter]).toEqual([3, false, 'imports/', '/']);
  });

  it('pages with max-keys and continuation tokens, and starts after start-after', async () => {
    const first = await h.client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 2 }));
    expect([first.Contents?.map((c) => c.Key), first.IsTruncated, first.KeyCount]).toEqual([keys.slice(0, 2), true, 2]);
    const second = await h.client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 2, ContinuationToken: first.NextContinuationToken }));
    expect(second.Contents?.map((c) => c.Key)).toEqual(keys.slice(2, 4));
    const after = await h.client.send(new ListObjectsV2Command({ Bucket, StartAfter: 'mail/x.eml' }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(['top.txt']);
    const all: string[] = [];
    for await (const page of paginateListObjectsV2({ client: h.client, pageSize: 4 }, { Bucket })) all.push(...(page.Contents ?? []).map((c) => c.Key!));
    expect(all).toEqual(keys);
  });

  it('also answers the older ListObjects with markers', async () => {
    const page = await h.client.send(new ListObjectsCommand({ Bucket, Marker: 'imports/readme.txt', MaxKeys: 1 }));
    expect([page.Contents?.map((c) => c.Key), page.IsTruncated]).toEqual([['mail/x.eml'], true]);
  });

  it('deletes several keys at once with DeleteObjects (the SDK sends a CRC32 for its body)', async () => {
    const result = await h.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'top.txt' }, { Key: 'mail/x.eml' }, { Key: 'never-there' }] } }));
    expect(result.Deleted?.map((d) => d.Key)).toEqual(['top.txt', 'mail/x.eml', 'never-there']);
    const quiet = await h.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'imports/readme.txt' }], Quiet: true } }));
    expect(quiet.Deleted).toBeUndefined();
    expect((await h.client.send(new ListObjectsV2Command({ Bucket }))).KeyCount).toBe(3);
  });
});
