// aws-chunked bodies as the SDK sends them: hex-size-prefixed chunks, a zero chunk, trailers.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
import { describe, expect, it } from 'vitest';
import { ChunkedBodyError, decodeAwsChunked, encodeAwsChunked } from '../../../../local/s3/chunked';

describe('decodeAwsChunked', () => {
  it('de-chunks the body @aws-sdk/client-s3 sends for a stream, with its CRC32 trailer', () => {
    // Captured from the SDK (STREAMING-UNSIGNED-PAYLOAD-TRAILER): TOOLCHAIN.md shows s3rver storing this framing as is.
    const wire = Buffer.from('d\r\nstreamed body\r\n0\r\nx-amz-checksum-crc32:z7Y9bA==\r\n\r\n');
    const decoded = decodeAwsChunked(wire);
    expect(decoded.payload.toString()).toBe('streamed body');
    expect(decoded.trailers).toEqual([['x-amz-checksum-crc32', 'z7Y9bA==']]);
  });

  it('collects chunk signatures and the trailer signature of signed streams', () => {
    const sig = (c: string) => c.repeat(64);
    const wire = Buffer.concat([
      Buffer.from(`2000;chunk-signature=${sig('a')}\r\n`),
      Buffer.alloc(0x2000, 0x61),
      Buffer.from(`\r\n3;chunk-signature=${sig('b')}\r\nend\r\n0;chunk-signature=${sig('c')}\r\n`),
      Buffer.from(`x-amz-checksum-sha256:abc=\r\nx-amz-trailer-signature:${sig('d')}\r\n\r\n`),
    ]);
    const decoded = decodeAwsChunked(wire);
    expect(decoded.payload.length).toBe(0x2003);
    expect(decoded.chunks.map((c) => c.signature)).toEqual([sig('a'), sig('b'), sig('c')]);
    expect(decoded.trailers).toEqual([['x-amz-checksum-sha256', 'abc=']]);
    expect(decoded.trailerSignature).toBe(sig('d'));
  });

  it('refuses a short chunk that is not the last, as S3 does (InvalidChunkSizeError)', () => {
    const wire = encodeAwsChunked(Buffer.from('hello world'), 5);
    expect(() => decodeAwsChunked(wire)).toThrow(ChunkedBodyError);
    try {
      decodeAwsChunked(wire);
    } catch (error) {
      expect((error as ChunkedBodyError).chunkSize).toEqual({ chunk: 2, badChunkSize: 5 });
      expect((error as Error).message).toBe('Only the last chunk is allowed to have a size less than 8192 bytes');
    }
  });

  it('round-trips 8 KiB chunks and rejects truncated framing', () => {
    const payload = Buffer.alloc(20_000, 7);
    expect(decodeAwsChunked(encodeAwsChunked(payload, 8192, [['x-amz-checksum-crc32', 'x']])).payload.equals(payload)).toBe(true);
    expect(() => decodeAwsChunked(Buffer.from('10\r\nshort'))).toThrow(/cut short/);
    expect(() => decodeAwsChunked(Buffer.from('zz\r\n'))).toThrow(/not hexadecimal/);
  });
});
