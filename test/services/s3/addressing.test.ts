// How the SDK reaches the local S3 without forcePathStyle. With a custom endpoint the JS SDK
// puts the bucket in the host name (virtual-hosted style) unless the endpoint is an IP
// address, where it uses path-style (the S3 endpoint rules). So AWS_ENDPOINT_URL_S3 set to
// http://127.0.0.1:<port> needs nothing in product code; http://localhost:<port> sends
// <bucket>.localhost, which the service serves but which only resolves where the OS maps
// *.localhost to 127.0.0.1 (not on this Debian: nsswitch has no myhostname).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../../local/shared/localCredentials';
import { startS3, type S3Harness } from './harness';

let h: S3Harness;
const Bucket = 'inbound-mail';
const seen: { host: string; url: string }[] = [];

beforeAll(async () => {
  h = await startS3();
  h.s3.store.createBucket(Bucket);
  h.server.server.prependListener('request', (req) => seen.push({ host: String(req.headers.host), url: String(req.url) }));
});
afterAll(() => h.stop());

describe('addressing', () => {
  it('works from AWS_ENDPOINT_URL_S3=http://127.0.0.1:<port> with no endpoint and no forcePathStyle in code', async () => {
    const before = process.env.AWS_ENDPOINT_URL_S3;
    process.env.AWS_ENDPOINT_URL_S3 = h.server.url;
    try {
      // What a Lambda handler does: region and credentials from its environment, nothing else.
      const client = new S3Client({ region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
      seen.length = 0;
      await client.send(new PutObjectCommand({ Bucket, Key: 'emails/abc', Body: 'raw' }));
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'emails/abc' }));
      expect(await got.Body!.transformToString()).toBe('raw');
      expect(seen[0]).toEqual({ host: `127.0.0.1:${h.server.port}`, url: `/${Bucket}/emails/abc?x-id=PutObject` });
      client.destroy();
    } finally {
      if (before === undefined) delete process.env.AWS_ENDPOINT_URL_S3;
      else process.env.AWS_ENDPOINT_URL_S3 = before;
    }
  });

  it('serves virtual-hosted requests to <bucket>.localhost:<port>, the SDK default for a localhost endpoint', async () => {
    // Resolve *.localhost as systems with nss-myhostname (or macOS, browsers) do.
    const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      if (!hostname.endsWith('localhost')) return callback(Object.assign(new Error(hostname), { code: 'ENOTFOUND' }));
      return options?.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
    }) as unknown as LookupFunction;
    const client = new S3Client({
      endpoint: `http://localhost:${h.server.port}`,
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
      requestHandler: { httpAgent: new Agent({ lookup }) },
    });
    seen.length = 0;
    await client.send(new PutObjectCommand({ Bucket, Key: 'emails/def', Body: 'virtual' }));
    expect(seen[0]).toEqual({ host: `${Bucket}.localhost:${h.server.port}`, url: '/emails/def?x-id=PutObject' });
    const list = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'emails/' }));
    expect(list.Contents?.map((c) => c.Key)).toEqual(['emails/abc', 'emails/def']);
    client.destroy();
  });
});
