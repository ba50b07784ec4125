// The file as numbered records, streamed through papaparse's Node stream mode in constant
// memory: the text goes in a slice at a time and waits while records are not taken
// (the parser pauses when its readable side is full, and its writable side then stops
// asking for text), so the whole file is never held.
//
//   source -> utf8Text -> slices of FEED_SLICE_CHARS -> Papa.parse(NODE_STREAM_INPUT) -> records
//
// Rows are numbered as a spreadsheet shows them: one number per record, the first record
// (normally the header) row 1, an empty line a row of its own, and a quoted field that
// spans lines keeps its record one row (records are counted, not lines).
import { Readable, pipeline, type Duplex } from 'node:stream';
import Papa from 'papaparse';
import { detectDelimiter, type Delimiter } from './detectDelimiter';
import { ImportFileError } from './errors';
import { utf8Text, type CsvSource } from './utf8Text';

/** Text read ahead to find the first line, from which the delimiter is taken. */
export const HEADER_PEEK_MAX_CHARS = 64 * 1024;
/** Text handed to the parser at a time (so what waits in its buffers stays small). */
export const FEED_SLICE_CHARS = 16 * 1024;
/**
 * Text fed with no record coming out before the import fails. Only a field whose quote is
 * never closed gets here (the parser holds everything after it as one field, and parses it
 * again with each slice); a guest list's record is a few hundred characters, and what waits
 * in the buffers between parser and reader is a few slices and at most 16 records.
 */
export const MAX_RECORD_CHARS = 512 * 1024;

export type CsvRecord = { row: number; fields: string[] };

export type OpenCsv = {
  delimiter: Delimiter;
  /** The records in order; stopping early (break, throw) closes the source. */
  records: AsyncGenerator<CsvRecord>;
  /** Bytes taken from the source so far. */
  bytesRead(): number;
};

export type { CsvSource };

/** Reads the first line (and a little more) to choose the delimiter; records are parsed as they are taken. */
export async function openCsv(source: CsvSource): Promise<OpenCsv> {
  let bytes = 0;
  const text = utf8Text(source, (n) => {
    bytes += n;
  });
  let head = '';
  let ended = false;
  // Up to the first line break after some content, so that papaparse also guesses the line
  // ending (\n, \r\n or \r) from a whole line.
  while (!/\S[^]*\n/.test(head) && head.length < HEADER_PEEK_MAX_CHARS) {
    const next = await text.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  const delimiter = detectDelimiter(head);
  return { delimiter, records: records(head, ended ? null : text, delimiter), bytesRead: () => bytes };
}

async function* records(head: string, rest: AsyncGenerator<string> | null, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  const fed = { chars: 0, atLastRecord: 0 };
  let row = 0;
  async function* slices(): AsyncGenerator<string> {
    const chunks = async function* () {
      yield head;
      head = '';
      if (rest) yield* rest;
    };
    for await (const chunk of chunks()) {
      for (let at = 0; at < chunk.length; at += FEED_SLICE_CHARS) {
        // Feeding is a chain of promises that would otherwise starve the reader (its stream
        // events come on the next tick) as long as the parser does not push back.
        await new Promise<void>((resolve) => setImmediate(resolve));
        fed.chars += Math.min(FEED_SLICE_CHARS, chunk.length - at);
        if (fed.chars - fed.atLastRecord > MAX_RECORD_CHARS) {
          throw new ImportFileError(
            `Row ${row + 1} runs on for more than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters: a quote (") is probably left open in it.`,
            row + 1,
          );
        }
        yield chunk.slice(at, at + FEED_SLICE_CHARS);
      }
    }
  }
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    // Empty lines come out as [""]: they keep their row number, checkRow skips them.
    skipEmptyLines: false,
  }) as Duplex;
  // One slice waits ahead of the parser at most. A failure anywhere (the source, the
  // guard above) destroys every stream with it, and the loop below rethrows it; the
  // loop stopping early destroys the parser, which closes the source.
  pipeline(Readable.from(slices(), { objectMode: true, highWaterMark: 1 }), parser, () => {});
  for await (const fields of parser as AsyncIterable<string[]>) {
    row += 1;
    fed.atLastRecord = fed.chars;
    yield { row, fields };
  }
}
