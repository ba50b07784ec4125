// With a dataDir, buckets and objects (bytes, metadata, checksums) outlive the service; the
// template's buckets are not re-created over existing ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3 } from './harness';

const dataDir = mkdtempSync(join(tmpdir(), 'local-s3-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('dataDir', () => {
  it('keeps buckets and objects across restarts', async () => {
    const first = await startS3({ dataDir });
    await first.client.send(new CreateBucketCommand({ Bucket: 'kept-bucket' }));
    const put = await first.client.send(new PutObjectCommand({ Bucket: 'kept-bucket', Key: 'emails/Grüße ☕.eml', Body: 'raw mime', ContentType: 'message/rfc822', Metadata: { from: 'ada' } }));
    await first.stop();

    const second = await startS3({ dataDir });
    const got = await second.client.send(new GetObjectCommand({ Bucket: 'kept-bucket', Key: 'emails/Grüße ☕.eml' }));
    expect([await got.Body!.transformToString(), got.ContentType, got.Metadata, got.ETag, got.ChecksumCRC32]).toEqual(['raw mime', 'message/rfc822', { from: 'ada' }, put.ETag, put.ChecksumCRC32]);
    await second.stop();
  });
});
