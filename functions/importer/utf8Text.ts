// The file's bytes as text, chunk by chunk: UTF-8, with a byte order mark or without (the
// mark is dropped). A character split between two chunks (S3 hands the body over in pieces
// of any size) is decoded whole, which papaparse's own Buffer handling does not do. Bytes
// that are not UTF-8 become U+FFFD; checkRow.ts reports the rows that hold one.
import { ImportFileError } from './errors';

export type CsvSource = AsyncIterable<Uint8Array | string>;

/** Spreadsheets' "Unicode text" exports: UTF-16 with its byte order mark (FF FE or FE FF). */
function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The text of `source`, in its chunks; `countBytes` is told the size of each chunk read. */
export async function* utf8Text(source: CsvSource, countBytes: (bytes: number) => void): AsyncGenerator<string> {
  // ignoreBOM false (the default): a leading BOM is consumed, not returned.
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') {
      countBytes(Buffer.byteLength(chunk));
      text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
    } else {
      countBytes(chunk.byteLength);
      if (first && isUtf16(chunk)) throw new ImportFileError('The file is UTF-16 text ("Unicode text"): save it as "CSV UTF-8" and upload it again.');
      text = decoder.decode(chunk, { stream: true });
    }
    if (chunk.length > 0) first = false;
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
