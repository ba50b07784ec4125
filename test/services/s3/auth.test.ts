// Who may call the local S3: SDK-signed requests, presigned URLs from
// @aws-sdk/s3-request-presigner used with plain fetch (until they expire), nobody else.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, localClientConfig } from '../../../local/shared/localCredentials';
import { startS3, type S3Harness } from './harness';

let h: S3Harness;
const Bucket = 'csv-uploads';

beforeAll(async () => {
  h = await startS3();
  h.s3.store.createBucket(Bucket);
});
afterAll(() => h.stop());

describe('presigned URLs', () => {
  it('accepts a presigned PUT from fetch, and a presigned GET reads it back', async () => {
    const put = await getSignedUrl(h.client, new PutObjectCommand({ Bucket, Key: 'imports/guests.csv', ContentType: 'text/csv' }), { expiresIn: 300 });
    // The current presigner signs a CRC32 of the empty body into the URL; S3 ignores checksum
    // values in a presigned query (https://github.com/localstack/localstack/issues/12169,
    // https://github.com/aws/aws-sdk-go-v2/issues/2610), so the upload goes through.
    expect(new URL(put).searchParams.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
    const uploaded = await fetch(put, { method: 'PUT', body: 'name,email\n', headers: { 'content-type': 'text/csv' } });
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(h.s3.store.headObject(Bucket, 'imports/guests.csv').contentType).toBe('text/csv');

    const get = await getSignedUrl(h.client, new GetObjectCommand({ Bucket, Key: 'imports/guests.csv', ResponseContentDisposition: 'attachment; filename="g.csv"' }), { expiresIn: 300 });
    const read = await fetch(get);
    expect([read.status, await read.text(), read.headers.get('content-disposition')]).toEqual([200, 'name,email\n', 'attachment; filename="g.csv"']);
  });

  it('refuses an expired URL with AccessDenied "Request has expired"', async () => {
    const url = await getSignedUrl(h.client, new GetObjectCommand({ Bucket, Key: 'imports/guests.csv' }), { expiresIn: 60 });
    h.clock.advance(61_000);
    const response = await fetch(url);
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(body).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires>');
    expect(body).toMatch(/<Expires>[^<]+Z<\/Expires><ServerTime>[^<]+Z<\/ServerTime>/);
  });

  it('refuses a URL whose signed query was changed', async () => {
    const url = new URL(await getSignedUrl(h.client, new PutObjectCommand({ Bucket, Key: 'a.csv' }), { expiresIn: 300 }));
    url.pathname = `/${Bucket}/b.csv`;
    const response = await fetch(url, { method: 'PUT', body: 'x' });
    expect([response.status, await response.text()]).toEqual([403, expect.stringContaining('<Code>SignatureDoesNotMatch</Code>')]);
  });
});

describe('signatures', () => {
  it('refuses an unsigned request with AccessDenied, as a private bucket does', async () => {
    const response = await fetch(`${h.server.url}/${Bucket}/imports/guests.csv`);
    const body = await response.text();
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><Resource>\/csv-uploads\/imports\/guests\.csv<\/Resource><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
    expect(response.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
  });

  it('names an unknown key and a wrong secret as S3 does', async () => {
    const stranger = new S3Client({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' } });
    const unknown = (await stranger.send(new GetObjectCommand({ Bucket, Key: 'imports/guests.csv' })).catch((e) => e)) as S3ServiceException;
    expect([unknown.name, unknown.message, unknown.$metadata.httpStatusCode]).toEqual(['InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403]);
    const wrong = new S3Client({ ...localClientConfig(h.server.url), credentials: { ...LOCAL_CREDENTIALS, secretAccessKey: 'not-the-secret' } });
    const mismatch = (await wrong.send(new GetObjectCommand({ Bucket, Key: 'imports/guests.csv' })).catch((e) => e)) as S3ServiceException;
    expect([mismatch.name, mismatch.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
    stranger.destroy();
    wrong.destroy();
  });
});
