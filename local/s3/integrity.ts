// The integrity checks S3 makes on an upload's bytes: Content-MD5, the flexible
// `x-amz-checksum-*` value (from a header or an aws-chunked trailer) and a hex
// `x-amz-content-sha256`. Each failure is the S3 error real S3 answers.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html
import { checksumBase64, md5Base64, sha256Hex, type ChecksumAlgorithm } from './checksums';
import { checksumMismatch, contentMd5Mismatch, S3Error } from './errors';

export type ProvidedChecksum = { algorithm: ChecksumAlgorithm; value: string };

/** The client's claims about the bytes it sent, gathered by the router. */
export type IntegrityClaims = {
  contentMd5?: string;
  checksum?: ProvidedChecksum;
  /** x-amz-content-sha256 when it is a hex digest (not UNSIGNED-PAYLOAD or STREAMING-*). */
  contentSha256?: string;
  /** x-amz-decoded-content-length of an aws-chunked body. */
  decodedContentLength?: number;
};

export function verifyIntegrity(body: Buffer, claims: IntegrityClaims): void {
  if (claims.decodedContentLength !== undefined && claims.decodedContentLength !== body.length) {
    throw new S3Error(
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header',
      {},
      `x-amz-decoded-content-length says ${claims.decodedContentLength}, the decoded body has ${body.length} bytes`,
    );
  }
  if (claims.contentSha256 !== undefined) {
    const computed = sha256Hex(body);
    if (computed !== claims.contentSha256.toLowerCase()) {
      throw new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: claims.contentSha256,
        S3ComputedContentSHA256: computed,
      });
    }
  }
  if (claims.contentMd5 !== undefined) {
    const decoded = Buffer.from(claims.contentMd5, 'base64');
    if (decoded.length !== 16 || decoded.toString('base64') !== claims.contentMd5) {
      throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', { 'Content-MD5': claims.contentMd5 });
    }
    const computed = md5Base64(body);
    if (computed !== claims.contentMd5) throw contentMd5Mismatch(claims.contentMd5, computed);
  }
  if (claims.checksum) {
    const computed = checksumBase64(claims.checksum.algorithm, body);
    if (computed !== claims.checksum.value) throw checksumMismatch(claims.checksum.algorithm);
  }
}
