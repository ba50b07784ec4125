import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler, type UploadRequest } from '../../../../functions/importUploads/handler';
import { MalformedInputError } from '../../../../functions/lib/errors';

// The handler signs with the SDK's default credential chain: static keys from the environment.
const ENV = { REGION: 'us-east-1', IMPORTS_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const UNSET = ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3'];
const saved: Record<string, string | undefined> = {};
const NOW = Date.parse('2030-01-06T09:00:00.000Z');

beforeAll(() => {
  for (const name of [...Object.keys(ENV), ...UNSET]) saved[name] = process.env[name];
  Object.assign(process.env, ENV);
  for (const name of UNSET) delete process.env[name];
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

const request = (overrides: Partial<UploadRequest> = {}): UploadRequest => ({ objectKey: 'imports/evt-1/job-1.csv', contentType: 'text/csv', expiresInSeconds: 900, ...overrides });

async function presign(overrides: Partial<UploadRequest> = {}) {
  const upload = await handler(request(overrides));
  return { upload, url: new URL(upload.url), query: new URL(upload.url).searchParams };
}

describe('an upload URL for an import', () => {
  it('is a SigV4 PUT URL for the bucket and key, signed for the content-type it hands back', async () => {
    const { upload, url, query } = await presign();
    // A one-letter bucket is not a DNS name: the SDK puts it in the path.
    expect(`${url.host}${url.pathname}`).toBe('s3.us-east-1.amazonaws.com/b/imports/evt-1/job-1.csv');
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(query.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20300106/us-east-1/s3/aws4_request');
    expect(query.get('X-Amz-Date')).toBe('20300106T090000Z');
    expect(query.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-type', 'host']));
    expect(query.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(upload.headers).toEqual({ 'content-type': 'text/csv' });
    expect(upload.expiresAt).toBe('2030-01-06T09:15:00.000Z');
  });

  it('carries no checksum: one computed at signing time would be of an empty body, which no upload matches', async () => {
    const { query } = await presign();
    const names = [...query.keys()].map((name) => name.toLowerCase());
    expect(names.filter((name) => name.startsWith('x-amz-checksum-') || name === 'x-amz-sdk-checksum-algorithm')).toEqual([]);
  });

  it('encodes the key in the path (a space as %20)', async () => {
    const { url } = await presign({ objectKey: 'imports/evt 1/job-1.csv' });
    expect(url.pathname).toBe('/b/imports/evt%201/job-1.csv');
  });

  it.each([
    [10, 60],
    [59.9, 60],
    [60, 60],
    [600.7, 600],
    [3600, 3600],
    [86_400, 3600],
  ])('clamps an expiry of %s seconds to %s', async (asked, granted) => {
    const { upload, query } = await presign({ expiresInSeconds: asked });
    expect(query.get('X-Amz-Expires')).toBe(String(granted));
    expect(Date.parse(upload.expiresAt)).toBe(NOW + granted * 1000);
  });

  it.each([['evt-1/job-1.csv'], ['/imports/evt-1/job-1.csv'], ['Imports/evt-1/job-1.csv'], ['']])('refuses the object key %j, outside imports/', async (objectKey) => {
    await expect(handler(request({ objectKey }))).rejects.toThrow(new MalformedInputError('objectKey must start with imports/'));
  });

  it('refuses a request without an object key, a content type or an expiry', async () => {
    await expect(handler({} as UploadRequest)).rejects.toBeInstanceOf(MalformedInputError);
    await expect(handler(request({ contentType: undefined as unknown as string }))).rejects.toThrow(/contentType/);
    await expect(handler(request({ expiresInSeconds: undefined as unknown as number }))).rejects.toThrow(/expiresInSeconds/);
    await expect(handler(request({ expiresInSeconds: Number.NaN }))).rejects.toThrow(/expiresInSeconds/);
  });
});
