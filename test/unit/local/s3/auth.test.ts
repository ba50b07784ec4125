// S3's SigV4 checked server-side, against AWS's documented example and requests signed by
// the SDK's own signer (@smithy/signature-v4 configured as the S3 client configures it).
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html (the chunkObject.txt example)
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { S3Authenticator } from '../../../../local/s3/auth';
import { decodeAwsChunked } from '../../../../local/s3/chunked';
import { S3Error } from '../../../../local/s3/errors';
import type { IamPrincipal } from '../../../../local/shared/sigv4/verifier';

const DOC_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const principal: IamPrincipal = { secretAccessKey: DOC_KEY.secretAccessKey, accountId: '111122223333', userArn: 'arn:aws:iam::111122223333:user/doc', username: 'AIDADOC' };
const T = Date.UTC(2030, 0, 1, 12, 0, 0);

function authenticator(now: number) {
  return new S3Authenticator({ region: 'us-east-1', principals: new Map([[DOC_KEY.accessKeyId, principal]]), now: () => now });
}

async function rejection(promise: Promise<unknown>): Promise<S3Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3Error) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: DOC_KEY, sha256: Sha256, uriEscapePath: false });

function request(path: string, headers: Record<string, string> = {}) {
  return { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 4569, path, query: {}, headers: { host: '127.0.0.1:4569', ...headers } };
}

function queryString(query: Record<string, string | string[] | null> = {}): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

describe('Authorization header', () => {
  it("accepts AWS's documented streaming upload and its chunk signatures", async () => {
    const auth = new S3Authenticator({ region: 'us-east-1', principals: new Map([[DOC_KEY.accessKeyId, principal]]), now: () => Date.UTC(2013, 4, 24) });
    const caller = await auth.authenticate({
      method: 'PUT',
      path: '/examplebucket/chunkObject.txt',
      query: '',
      headers: {
        host: 's3.amazonaws.com',
        'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': '66560',
        'content-length': '66824',
      },
    });
    const sigs = [
      'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
      '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
      'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
    ];
    const body = (last: string) =>
      Buffer.concat([
        Buffer.from(`10000;chunk-signature=${sigs[0]}\r\n`),
        Buffer.alloc(65536, 'a'),
        Buffer.from(`\r\n400;chunk-signature=${sigs[1]}\r\n`),
        Buffer.alloc(1024, 'a'),
        Buffer.from(`\r\n0;chunk-signature=${last}\r\n\r\n`),
      ]);
    expect(() => auth.verifyChunkSignatures(caller, decodeAwsChunked(body(sigs[2]!)))).not.toThrow();
    expect(() => auth.verifyChunkSignatures(caller, decodeAwsChunked(body('0'.repeat(64))))).toThrow(/does not match/);
  });

  it('takes x-amz-content-sha256 as the payload hash and refuses unsigned x-amz-* headers', async () => {
    const signed = await signer.sign(request('/guest-lists/a%20b.csv', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), { signingDate: new Date(T) });
    const headers = signed.headers as Record<string, string>;
    const caller = await authenticator(T).authenticate({ method: 'GET', path: '/guest-lists/a%20b.csv', query: '', headers });
    expect(caller.payload).toEqual({ kind: 'unsigned' });
    const extra = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/guest-lists/a%20b.csv', query: '', headers: { ...headers, 'x-amz-meta-sneaky': '1' } }));
    expect([extra.code, extra.details.HeadersNotSigned]).toEqual(['AccessDenied', 'x-amz-meta-sneaky']);
    const tampered = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/guest-lists/other.csv', query: '', headers }));
    expect(tampered.code).toBe('SignatureDoesNotMatch');
    expect(tampered.details.CanonicalRequest).toContain('/guest-lists/other.csv');
  });

  it('allows 15 minutes of clock skew, then answers RequestTimeTooSkewed', async () => {
    const signed = await signer.sign(request('/b/k', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), { signingDate: new Date(T) });
    const input = { method: 'GET', path: '/b/k', query: '', headers: signed.headers as Record<string, string> };
    await expect(authenticator(T + 14 * 60_000).authenticate(input)).resolves.toBeDefined();
    const skewed = await rejection(authenticator(T + 16 * 60_000).authenticate(input));
    expect([skewed.code, skewed.status, skewed.details.MaxAllowedSkewMilliseconds]).toEqual(['RequestTimeTooSkewed', 403, '900000']);
  });

  it('names unknown keys, wrong regions, anonymous requests and missing payload hashes as S3 does', async () => {
    const other = new SignatureV4({ service: 's3', region: 'eu-west-1', credentials: DOC_KEY, sha256: Sha256, uriEscapePath: false });
    const wrongRegion = await other.sign(request('/b/k', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), { signingDate: new Date(T) });
    const region = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/b/k', query: '', headers: wrongRegion.headers as Record<string, string> }));
    expect([region.code, region.details.Region]).toEqual(['AuthorizationHeaderMalformed', 'us-east-1']);
    expect(region.message).toBe("The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'");

    const stranger = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: { accessKeyId: 'AKIASTRANGER', secretAccessKey: 'x' }, sha256: Sha256, uriEscapePath: false });
    const unknown = await stranger.sign(request('/b/k', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), { signingDate: new Date(T) });
    const key = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/b/k', query: '', headers: unknown.headers as Record<string, string> }));
    expect([key.code, key.details.AWSAccessKeyId]).toEqual(['InvalidAccessKeyId', 'AKIASTRANGER']);

    const anonymous = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/b/k', query: '', headers: { host: 'x' } }));
    expect([anonymous.code, anonymous.message]).toEqual(['AccessDenied', 'Access Denied']);

    const signed = await signer.sign(request('/b/k'), { signingDate: new Date(T) });
    const { 'x-amz-content-sha256': _dropped, ...withoutHash } = signed.headers as Record<string, string>;
    const missing = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/b/k', query: '', headers: withoutHash }));
    expect([missing.code, missing.message]).toEqual(['InvalidRequest', 'Missing required header for this request: x-amz-content-sha256']);
  });
});

describe('presigned URLs', () => {
  // As @aws-sdk/s3-request-presigner does: UNSIGNED-PAYLOAD, hoisted into X-Amz-Content-Sha256.
  const presign = (expiresIn: number, query: Record<string, string> = {}) =>
    signer.presign({ ...request('/guest-lists/import.csv', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }), method: 'PUT', query }, { expiresIn, signingDate: new Date(T) });

  it('accepts a URL until X-Amz-Expires has passed, then answers "Request has expired"', async () => {
    const url = await presign(60);
    const input = { method: 'PUT', path: '/guest-lists/import.csv', query: queryString(url.query), headers: { host: '127.0.0.1:4569' } };
    const caller = await authenticator(T + 59_000).authenticate(input);
    expect([caller.via, caller.payload]).toEqual(['presigned', { kind: 'unsigned' }]);
    const expired = await rejection(authenticator(T + 61_000).authenticate(input));
    expect([expired.code, expired.message, expired.details]).toEqual([
      'AccessDenied',
      'Request has expired',
      { 'X-Amz-Expires': '60', Expires: '2030-01-01T12:01:00Z', ServerTime: '2030-01-01T12:01:01Z' },
    ]);
  });

  it('covers the signed checksum parameters: changing one breaks the signature', async () => {
    const url = await presign(300, { 'x-amz-checksum-crc32': 'AAAAAA==', 'x-amz-sdk-checksum-algorithm': 'CRC32' });
    const query = queryString(url.query);
    const headers = { host: '127.0.0.1:4569' };
    await expect(authenticator(T).authenticate({ method: 'PUT', path: '/guest-lists/import.csv', query, headers })).resolves.toBeDefined();
    const tampered = await rejection(authenticator(T).authenticate({ method: 'PUT', path: '/guest-lists/import.csv', query: query.replace('AAAAAA', 'BBBBBB'), headers }));
    expect(tampered.code).toBe('SignatureDoesNotMatch');
  });

  it('refuses X-Amz-Expires over a week and incomplete query authentication', async () => {
    const url = await presign(60);
    const week = await rejection(
      authenticator(T).authenticate({ method: 'PUT', path: '/guest-lists/import.csv', query: queryString({ ...url.query, 'X-Amz-Expires': '604801' }), headers: { host: '127.0.0.1:4569' } }),
    );
    expect([week.code, week.message]).toEqual([
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ]);
    const partial = await rejection(authenticator(T).authenticate({ method: 'GET', path: '/b/k', query: 'X-Amz-Credential=x', headers: { host: 'x' } }));
    expect(partial.code).toBe('AuthorizationQueryParametersError');
  });
});
