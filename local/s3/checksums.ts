// The checksums S3 computes and checks: MD5 (Content-MD5 and ETags) and the flexible
// checksums CRC32, CRC32C, CRC64NVME, SHA1 and SHA256, each sent base64-encoded in
// `x-amz-checksum-<algorithm>` (a header, or an aws-chunked trailer).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
//
// CRC32 is zlib's (Node has it built in); CRC32C (Castagnoli, reflected 0x82F63B78) and
// CRC64NVME (reflected 0x9A6C9329AC4BC9B5) are table-driven here. Check values for "123456789"
// from the CRC catalogue: CRC32 0xCBF43926, CRC32C 0xE3069283, CRC64NVME 0xAE8B14860A799888.
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** How a multipart object's checksum is made: of the whole object, or of the parts' checksums. */
export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

export function isChecksumAlgorithm(value: string): value is ChecksumAlgorithm {
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(value);
}

/** `x-amz-checksum-crc32` for CRC32, and so on. */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** The algorithm a `x-amz-checksum-*` name stands for, if any. */
export function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  const match = /^x-amz-checksum-([a-z0-9]+)$/i.exec(name);
  const upper = match?.[1]?.toUpperCase();
  return upper && isChecksumAlgorithm(upper) ? upper : undefined;
}

/** The raw digest bytes. */
export function checksumBytes(algorithm: ChecksumAlgorithm, data: Uint8Array): Buffer {
  switch (algorithm) {
    case 'CRC32':
      return uint32Bytes(zlibCrc32(data));
    case 'CRC32C':
      return uint32Bytes(crc32c(data));
    case 'CRC64NVME':
      return crc64nvme(data);
    case 'SHA1':
      return createHash('sha1').update(data).digest();
    case 'SHA256':
      return createHash('sha256').update(data).digest();
  }
}

/** The digest as S3 sends it: base64 of the raw (big-endian) bytes. */
export function checksumBase64(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  return checksumBytes(algorithm, data).toString('base64');
}

export function md5Hex(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

export function md5Base64(data: Uint8Array): string {
  return createHash('md5').update(data).digest('base64');
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A multipart object's composite checksum: the checksum of the concatenated raw part
 * checksums, base64, then `-<number of parts>`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums
 */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksumsBase64: readonly string[]): string {
  const joined = Buffer.concat(partChecksumsBase64.map((value) => Buffer.from(value, 'base64')));
  return `${checksumBase64(algorithm, joined)}-${partChecksumsBase64.length}`;
}

function uint32Bytes(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = CRC32C_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// CRC64NVME kept as two 32-bit halves, so the inner loop stays in plain numbers.
const CRC64_POLY_HI = 0x9a6c9329;
const CRC64_POLY_LO = 0xac4bc9b5;
const [CRC64_TABLE_HI, CRC64_TABLE_LO] = (() => {
  const hiTable = new Uint32Array(256);
  const loTable = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let hi = 0;
    let lo = n;
    for (let k = 0; k < 8; k += 1) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        hi = (hi ^ CRC64_POLY_HI) >>> 0;
        lo = (lo ^ CRC64_POLY_LO) >>> 0;
      }
    }
    hiTable[n] = hi;
    loTable[n] = lo;
  }
  return [hiTable, loTable];
})();

export function crc64nvme(data: Uint8Array): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) {
    const index = (lo ^ data[i]!) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ CRC64_TABLE_LO[index]!) >>> 0;
    hi = ((hi >>> 8) ^ CRC64_TABLE_HI[index]!) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
  return out;
}
