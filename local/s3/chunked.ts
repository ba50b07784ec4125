// Decodes an `aws-chunked` request body (Content-Encoding: aws-chunked):
//
//   <hex size>[;chunk-signature=<64 hex>]\r\n<data>\r\n      (repeated)
//   0[;chunk-signature=<64 hex>]\r\n
//   <trailer name>:<value>\r\n                                (with *-TRAILER payloads)
//   x-amz-trailer-signature:<64 hex>\r\n                       (signed trailers only)
//   \r\n
//
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
// Signatures are only collected here; auth.ts checks them. No HTTP here.

/** Every chunk but the last must hold at least this many bytes (sigv4-streaming.html). */
export const MIN_CHUNK_SIZE = 8192;

export type DecodedChunk = { data: Buffer; signature?: string };

export type DecodedAwsChunked = {
  payload: Buffer;
  /** Every chunk, the final empty one included, with its signature when signed. */
  chunks: DecodedChunk[];
  /** Trailing headers in the order sent (names lower-cased), x-amz-trailer-signature left out. */
  trailers: [string, string][];
  trailerSignature?: string;
};

export class ChunkedBodyError extends Error {
  constructor(
    message: string,
    /** Set for S3's InvalidChunkSizeError: the chunk number S3 reports and the short size. */
    readonly chunkSize?: { chunk: number; badChunkSize: number },
  ) {
    super(message);
    this.name = 'ChunkedBodyError';
  }
}

const CRLF = Buffer.from('\r\n');

export function decodeAwsChunked(body: Buffer): DecodedAwsChunked {
  const chunks: DecodedChunk[] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, offset);
    if (lineEnd < 0) throw new ChunkedBodyError('aws-chunked body ends inside a chunk header');
    const header = body.subarray(offset, lineEnd).toString('latin1');
    const [sizeText, ...extensions] = header.split(';');
    if (!sizeText || !/^[0-9a-fA-F]+$/.test(sizeText)) throw new ChunkedBodyError(`aws-chunked size '${sizeText ?? ''}' is not hexadecimal`);
    const size = parseInt(sizeText, 16);
    let signature: string | undefined;
    for (const extension of extensions) {
      const [name, value] = extension.split('=');
      if (name?.trim() === 'chunk-signature') signature = value?.trim();
    }
    const dataStart = lineEnd + 2;
    const dataEnd = dataStart + size;
    if (dataEnd > body.length) throw new ChunkedBodyError(`aws-chunked chunk of ${size} bytes is cut short`);
    const data = body.subarray(dataStart, dataEnd);
    const previous = chunks[chunks.length - 1];
    if (previous && previous.data.length < MIN_CHUNK_SIZE && size > 0) {
      // S3 notices a short chunk once the next one arrives, and names that next one.
      throw new ChunkedBodyError('Only the last chunk is allowed to have a size less than 8192 bytes', {
        chunk: chunks.length + 1,
        badChunkSize: previous.data.length,
      });
    }
    chunks.push(signature === undefined ? { data } : { data, signature });
    if (size === 0) {
      offset = dataStart;
      break;
    }
    parts.push(data);
    if (!body.subarray(dataEnd, dataEnd + 2).equals(CRLF)) throw new ChunkedBodyError('aws-chunked chunk data is not followed by CRLF');
    offset = dataEnd + 2;
  }

  const trailers: [string, string][] = [];
  let trailerSignature: string | undefined;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, offset);
    // Some clients end the body right after the last trailer line.
    const line = body.subarray(offset, lineEnd < 0 ? body.length : lineEnd).toString('utf8');
    offset = lineEnd < 0 ? body.length : lineEnd + 2;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon < 0) throw new ChunkedBodyError(`aws-chunked trailer '${line}' has no ':'`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers.push([name, value]);
    if (lineEnd < 0) break;
  }
  return { payload: Buffer.concat(parts), chunks, trailers, ...(trailerSignature ? { trailerSignature } : {}) };
}

/** Encodes a payload the way SDKs do (used by tests and by nothing else). */
export function encodeAwsChunked(payload: Buffer, chunkSize: number, trailers: [string, string][] = []): Buffer {
  const pieces: Buffer[] = [];
  for (let start = 0; start < payload.length; start += chunkSize) {
    const data = payload.subarray(start, start + chunkSize);
    pieces.push(Buffer.from(`${data.length.toString(16)}\r\n`), data, CRLF);
  }
  pieces.push(Buffer.from('0\r\n'));
  for (const [name, value] of trailers) pieces.push(Buffer.from(`${name}:${value}\r\n`));
  pieces.push(CRLF);
  return Buffer.concat(pieces);
}
