import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../../functions/importer/errors';
import { MAX_RECORD_CHARS, openCsv, type CsvRecord } from '../../../../functions/importer/openCsv';
import { csvSource } from './harness';

async function readAll(source: AsyncIterable<Uint8Array | string>) {
  const csv = await openCsv(source);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) records.push(record);
  return { delimiter: csv.delimiter, records, bytesRead: csv.bytesRead() };
}

describe('reading a CSV as numbered records', () => {
  it('reads a comma-separated file with a header, one record per row', async () => {
    const { delimiter, records } = await readAll(csvSource('email,name\nada@example.com,Ada\nbob@example.com,Bob\n'));
    expect(delimiter).toBe(',');
    expect(records).toEqual([
      { row: 1, fields: ['email', 'name'] },
      { row: 2, fields: ['ada@example.com', 'Ada'] },
      { row: 3, fields: ['bob@example.com', 'Bob'] },
    ]);
  });

  it('drops the UTF-8 byte order mark, so the first column is named "email", not "\\uFEFFemail"', async () => {
    const { records } = await readAll(csvSource('email,name\nada@example.com,Ada\n', { bom: true }));
    expect(records[0].fields).toEqual(['email', 'name']);
  });

  it('takes the semicolon when the header line is separated by semicolons', async () => {
    const { delimiter, records } = await readAll(csvSource('email;name;"city, country"\nada@example.com;"Lovelace, Ada";London\n'));
    expect(delimiter).toBe(';');
    expect(records[1].fields).toEqual(['ada@example.com', 'Lovelace, Ada', 'London']);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and numbers records, not lines', async () => {
    const text = ['email,name,notes', 'ada@example.com,"Lovelace, Ada","first line', 'second line"', 'bob@example.com,"Bob ""the builder""",x', ''].join('\r\n');
    const { records } = await readAll(csvSource(text));
    expect(records).toEqual([
      { row: 1, fields: ['email', 'name', 'notes'] },
      { row: 2, fields: ['ada@example.com', 'Lovelace, Ada', 'first line\r\nsecond line'] },
      { row: 3, fields: ['bob@example.com', 'Bob "the builder"', 'x'] },
    ]);
  });

  it('reads classic Mac line endings (\\r alone)', async () => {
    const { records } = await readAll(csvSource('email;name\rada@example.com;"A\rB"\rbob@example.com;Bob\r', { chunkBytes: 4 }));
    expect(records).toEqual([
      { row: 1, fields: ['email', 'name'] },
      { row: 2, fields: ['ada@example.com', 'A\rB'] },
      { row: 3, fields: ['bob@example.com', 'Bob'] },
    ]);
  });

  it('gives an empty line a row of its own, as a spreadsheet shows it', async () => {
    const { records } = await readAll(csvSource('email\n\nada@example.com\n\n\nbob@example.com'));
    expect(records.map((r) => [r.row, r.fields.join('|')])).toEqual([
      [1, 'email'],
      [2, ''],
      [3, 'ada@example.com'],
      [4, ''],
      [5, ''],
      [6, 'bob@example.com'],
    ]);
  });

  it('decodes a character whose bytes arrive in two chunks', async () => {
    const { records } = await readAll(csvSource('email;name\nzoe@example.com;Zoë Ångström 🎉\n', { chunkBytes: 1 }));
    expect(records[1].fields).toEqual(['zoe@example.com', 'Zoë Ångström 🎉']);
  });

  it('reads the same records whatever the chunk sizes', async () => {
    const text = 'email,name\r\n"a@x.io","A, ""quoted""\r\nline"\r\n\r\nb@x.io,B\r\n';
    const whole = await readAll(csvSource(text));
    for (const chunkBytes of [1, 2, 3, 5, 8, 13]) {
      expect((await readAll(csvSource(text, { chunkBytes, bom: true }))).records).toEqual(whole.records);
    }
  });

  it('counts the bytes read, the BOM included', async () => {
    const { bytesRead } = await readAll(csvSource('email\nzoë@example.com\n', { bom: true }));
    expect(bytesRead).toBe(3 + Buffer.byteLength('email\nzoë@example.com\n'));
  });

  it('reads an empty file as no records', async () => {
    expect((await readAll(csvSource(''))).records).toEqual([]);
  });

  it('refuses a UTF-16 file with the way to fix it', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('email\r\nada@example.com\r\n', 'utf16le')]);
    await expect(openCsv(Readable.from([utf16]))).rejects.toThrow(/UTF-16.*CSV UTF-8/);
  });

  it('fails, naming the row, when a quote is never closed, without holding the rest of the file', async () => {
    const lines = function* () {
      yield 'email,name\nada@example.com,Ada\nbob@example.com,"Bob\n';
      // Far more than MAX_RECORD_CHARS after the open quote.
      for (let i = 0; i < 200; i += 1) yield `guest${i}@example.com,Guest ${i}${' '.repeat(10_000)}\n`;
    };
    const csv = await openCsv(Readable.from(lines()));
    const seen: number[] = [];
    const failure = await (async () => {
      try {
        for await (const record of csv.records) seen.push(record.row);
      } catch (error) {
        return error;
      }
    })();
    expect(seen).toEqual([1, 2]);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect(failure).toMatchObject({ row: 3, message: expect.stringContaining('quote') });
    expect(csv.bytesRead()).toBeLessThan(MAX_RECORD_CHARS + 100_000);
  });

  it('closes the source when the reader stops early', async () => {
    const source = Readable.from(
      (function* () {
        yield 'email\n';
        for (let i = 0; i < 100_000; i += 1) yield `guest${i}@example.com\n`;
      })(),
    );
    const csv = await openCsv(source);
    for await (const record of csv.records) if (record.row === 3) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(source.readableEnded).toBe(false);
  });

  it('passes a failure of the source on to the reader', async () => {
    const source = new Readable({ read() {} });
    source.push('email\nada@example.com\n');
    const csv = await openCsv(source);
    const reading = (async () => {
      for await (const record of csv.records) if (record.row === 2) source.destroy(new Error('ECONNRESET'));
    })();
    await expect(reading).rejects.toThrow('ECONNRESET');
  });
});
