// Check values from the CRC catalogue ("123456789"), NIST vectors for SHA ("abc"), and the
// composite multipart checksum as S3 defines it:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmOfHeader, checksumBase64, checksumBytes, compositeChecksum, crc32c, crc64nvme } from '../../../../local/s3/checksums';

const CHECK = Buffer.from('123456789');

describe('flexible checksums', () => {
  it('computes the catalogue check values of CRC32, CRC32C and CRC64NVME', () => {
    expect(checksumBytes('CRC32', CHECK).toString('hex')).toBe('cbf43926');
    expect(crc32c(CHECK).toString(16)).toBe('e3069283');
    expect(crc64nvme(CHECK).toString('hex')).toBe('ae8b14860a799888');
  });

  it('computes SHA1 and SHA256 as the NIST vectors give them', () => {
    expect(checksumBytes('SHA1', Buffer.from('abc')).toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(checksumBytes('SHA256', Buffer.from('abc')).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sends checksums base64-encoded, big-endian (CRC32 of the empty body is AAAAAA==)', () => {
    expect(checksumBase64('CRC32', Buffer.alloc(0))).toBe('AAAAAA==');
    expect(checksumBase64('CRC32', Buffer.from('hello'))).toBe('NhCmhg==');
    expect(checksumBase64('CRC64NVME', Buffer.alloc(0))).toBe('AAAAAAAAAAA=');
  });

  it('makes a composite checksum from the raw part checksums, suffixed with the part count', () => {
    const parts = [Buffer.from('part one'), Buffer.from('part two')].map((p) => checksumBase64('CRC32', p));
    const joined = Buffer.concat(parts.map((p) => Buffer.from(p, 'base64')));
    expect(compositeChecksum('CRC32', parts)).toBe(`${checksumBase64('CRC32', joined)}-2`);
    const sha = [Buffer.from('a')].map((p) => checksumBase64('SHA256', p));
    expect(compositeChecksum('SHA256', sha)).toBe(`${createHash('sha256').update(Buffer.from(sha[0]!, 'base64')).digest('base64')}-1`);
  });

  it('knows the algorithm of an x-amz-checksum-* header name, and nothing else', () => {
    expect(algorithmOfHeader('x-amz-checksum-crc32c')).toBe('CRC32C');
    expect(algorithmOfHeader('X-Amz-Checksum-SHA256')).toBe('SHA256');
    expect(algorithmOfHeader('x-amz-checksum-mode')).toBeUndefined();
    expect(algorithmOfHeader('x-amz-checksum-algorithm')).toBeUndefined();
  });
});
