import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../../functions/importer/errors';
import { CHUNK_SIZE, importCsv } from '../../../../functions/importer/importCsv';
import type { ImportSummary } from '../../../../functions/importer/importSummary';
import { MalformedInputError, isPermanent } from '../../../../functions/lib/errors';
import { addresses, bucketsAddUp, csvOf, csvSource, fakePorts } from './harness';

describe('importing a CSV', () => {
  it('invites every valid row, with its cleaned name, and reports the totals', async () => {
    const f = fakePorts();
    const text = 'Email,Name\r\nada@example.com,"Lovelace,  Ada"\r\nBob@Example.COM,Bob\r\n';
    const summary = await importCsv(csvSource(text, { bom: true }), f.ports);
    expect(f.calls).toEqual([
      [
        { email: 'ada@example.com', name: 'Lovelace, Ada', row: 2 },
        { email: 'Bob@example.com', name: 'Bob', row: 3 },
      ],
    ]);
    expect(summary).toMatchObject({
      delimiter: ',',
      lastRow: 3,
      done: true,
      stopped: null,
      totals: { rows: 2, valid: 2, invited: 2, duplicates: 0, invalid: 0, rejected: 0, notInvited: 0 },
    });
  });

  it('reads a semicolon file with quoted fields holding delimiters and line breaks, keeping record row numbers', async () => {
    const f = fakePorts();
    const text = ['email;name;notes', 'ada@example.com;"Ada; Countess";"met at', 'the ball"', 'not-an-address;Bob;x', 'cy@example.com;Cy;"a,b"', ''].join('\n');
    const summary = await importCsv(csvSource(text), f.ports);
    expect(summary.delimiter).toBe(';');
    expect(f.calls[0]).toEqual([
      { email: 'ada@example.com', name: 'Ada; Countess', row: 2 },
      { email: 'cy@example.com', name: 'Cy', row: 4 },
    ]);
    expect(summary.issues.invalid).toEqual([{ row: 3, email: 'not-an-address', reason: 'not an email address (local@domain)' }]);
    expect(summary.unknownColumns).toEqual(['notes']);
  });

  it('ignores and reports unknown columns, and reads email from wherever it is', async () => {
    const f = fakePorts();
    const summary = await importCsv(csvSource('Company,Phone,EMAIL\nAcme,123,ada@example.com\n'), f.ports);
    expect(summary).toMatchObject({ unknownColumns: ['Company', 'Phone'], unknownColumnCount: 2, totals: { invited: 1 } });
    expect(f.calls[0]).toEqual([{ email: 'ada@example.com', name: null, row: 2 }]);
  });

  it('sorts bad rows out with their row numbers and still sends the good ones', async () => {
    const f = fakePorts();
    const text = [
      'email,name',
      'ada@example.com,Ada', // 2
      ',No address', // 3
      '', // 4: blank, skipped
      'bob@example', // 5: short row, bad domain
      'cy@example.com,Cy,extra,fields', // 6: too many fields, still read
      ';;', // 7: a bad address, not blank
      ' , ', // 8: blank
      `di@example.com,${'D'.repeat(201)}`, // 9: name too long
    ].join('\n');
    const summary = await importCsv(csvSource(text), f.ports);
    expect(f.calls.flat().map((c) => c.row)).toEqual([2, 6]);
    expect(summary.issues.invalid).toEqual([
      { row: 3, email: '', reason: 'no email address' },
      { row: 5, email: 'bob@example', reason: '"example" is not a domain name' },
      { row: 7, email: ';;', reason: 'not an email address (local@domain)' },
      { row: 9, email: 'di@example.com', reason: 'name longer than 200 characters' },
    ]);
    expect(summary.totals).toEqual({ rows: 6, valid: 2, invited: 2, duplicates: 0, invalid: 4, rejected: 0, notInvited: 0 });
    expect(summary.lastRow).toBe(9);
  });

  it('reports repeats within the file as duplicates of the row where the address first appeared', async () => {
    const f = fakePorts();
    const summary = await importCsv(csvSource(csvOf(['ada@example.com', 'bob@example.com', 'ADA@example.com', ' bob@EXAMPLE.com ', 'ada@example.com'])), f.ports);
    expect(f.calls.flat().map((c) => c.email)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(summary.issues.duplicates).toEqual([
      { row: 4, email: 'ADA@example.com', reason: 'repeats row 2', firstRow: 2 },
      { row: 5, email: 'bob@example.com', reason: 'repeats row 3', firstRow: 3 },
      { row: 6, email: 'ada@example.com', reason: 'repeats row 2', firstRow: 2 },
    ]);
    expect(summary.totals).toMatchObject({ rows: 5, valid: 2, invited: 2, duplicates: 3 });
  });

  it('sends valid rows in chunks of 100, each followed by a progress checkpoint', async () => {
    const f = fakePorts();
    const emails = addresses(250);
    emails.splice(120, 0, 'broken'); // row 122
    const summary = await importCsv(csvSource(csvOf(emails), { chunkBytes: 777 }), f.ports);
    expect(CHUNK_SIZE).toBe(100);
    expect(f.calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(f.calls[1][0].row).toBe(102);
    expect(f.progress.map((p) => p.lastRow)).toEqual([101, 202, 252]);
    expect(f.progress.map((p) => p.totals.invited)).toEqual([100, 200, 250]);
    expect(f.progress.every(bucketsAddUp)).toBe(true);
    expect(f.progress.every((p) => !p.done)).toBe(true);
    expect(summary).toMatchObject({ done: true, totals: { rows: 251, valid: 250, invited: 250, invalid: 1 } });
    expect(summary.bytesRead).toBe(Buffer.byteLength(csvOf(emails)));
  });

  it('maps the API’s duplicates and refusals back to their rows', async () => {
    const f = fakePorts({ alreadyInvited: ['bob@example.com'], suppressed: ['cy@example.com'] });
    const summary = await importCsv(csvSource(csvOf(['ada@example.com', 'bob@example.com', 'cy@example.com'])), f.ports);
    expect(summary.issues.duplicates).toEqual([{ row: 3, email: 'bob@example.com', reason: 'already invited to this event' }]);
    expect(summary.issues.rejected).toEqual([{ row: 4, email: 'cy@example.com', reason: 'mail to this address bounced: it is suppressed' }]);
    expect(summary.totals).toEqual({ rows: 3, valid: 3, invited: 1, duplicates: 1, invalid: 0, rejected: 1, notInvited: 0 });
  });

  it('stops sending at LimitExceeded and counts the rest as not invited, still sorting out bad rows and repeats', async () => {
    const f = fakePorts({ room: 150 });
    const emails = [...addresses(300), 'broken', 'guest1@example.com'];
    const summary = await importCsv(csvSource(csvOf(emails)), f.ports);
    expect(f.calls.map((c) => c.length)).toEqual([100, 100]);
    expect(summary.stopped).toEqual({
      row: 102,
      errorType: 'LimitExceeded',
      reason: 'Inviting 100 more would take "Launch" past the most invitations an event may have. Nobody was invited.',
      errorInfo: { limit: 'maxInvitationsPerEvent', requested: 100 },
    });
    expect(summary.totals).toEqual({ rows: 302, valid: 300, invited: 100, duplicates: 1, invalid: 1, rejected: 0, notInvited: 200 });
    expect(summary.issues.notInvited[0]).toEqual({ row: 102, email: 'guest101@example.com', reason: 'not sent: sending stopped at row 102 (LimitExceeded)' });
    expect(summary.issues.notInvited).toHaveLength(20);
    expect(f.progress.at(-1)?.stopped?.errorType).toBe('LimitExceeded');
    expect(bucketsAddUp(summary)).toBe(true);
  });

  it('fails with a PermanentError and sends nothing when there is no email column', async () => {
    const f = fakePorts();
    const attempt = importCsv(csvSource('name,phone\nAda,123\n'), f.ports);
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(importCsv(csvSource('name,phone\nAda,123\n'), f.ports)).rejects.toSatisfy(isPermanent);
    await expect(importCsv(csvSource('ada@example.com,Ada\n'), f.ports)).rejects.toThrow(/No email column: the first row must name the columns/);
    expect(f.calls).toEqual([]);
    expect(f.progress).toEqual([]);
  });

  it('closes the file when the header is refused', async () => {
    const source = csvSource(`name,phone\n${'Ada,123\n'.repeat(50_000)}`, { chunkBytes: 4_096 });
    await expect(importCsv(source, fakePorts().ports)).rejects.toThrow(ImportFileError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(source.readableEnded).toBe(false);
  });

  it('refuses a checkpoint it did not write, as malformed input, closing the file', async () => {
    const source = csvSource(csvOf(addresses(5_000)), { chunkBytes: 4_096 });
    await expect(importCsv(source, fakePorts().ports, { resumeFrom: { lastRow: 7 } as unknown as ImportSummary })).rejects.toThrow(MalformedInputError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(source.readableEnded).toBe(false);
  });

  it('fails the same way for an empty file, or one of blank lines', async () => {
    const f = fakePorts();
    await expect(importCsv(csvSource(''), f.ports)).rejects.toThrow(/The file is empty/);
    await expect(importCsv(csvSource('\n\r\n \n', { bom: true }), f.ports)).rejects.toThrow(ImportFileError);
    expect(f.calls).toEqual([]);
  });

  it('finishes a header-only file with nothing sent', async () => {
    const f = fakePorts();
    const summary = await importCsv(csvSource('email,name\n'), f.ports);
    expect(summary).toMatchObject({ done: true, lastRow: 1, totals: { rows: 0 } });
    expect(f.calls).toEqual([]);
  });

  it('lets a failed invite call propagate, closing the file, for the caller to retry', async () => {
    const f = fakePorts({ failOnCalls: [2] });
    const source = csvSource(csvOf(addresses(1_000)), { chunkBytes: 512 });
    await expect(importCsv(source, f.ports)).rejects.toThrow('socket hang up');
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(source.readableEnded).toBe(false);
    expect(f.progress).toHaveLength(1);
  });

  it('resumes after the checkpoint: sends nothing up to its row, carries its counts on, and still knows the earlier addresses', async () => {
    const emails = [...addresses(150), 'broken', ...addresses(100, 151), 'guest7@example.com', 'guest170@example.com'];
    const text = csvOf(emails);
    const first = fakePorts({ failOnCalls: [2] });
    await expect(importCsv(csvSource(text), first.ports)).rejects.toThrow('socket hang up');
    const checkpoint = JSON.parse(JSON.stringify(first.progress.at(-1))) as ImportSummary;
    expect(checkpoint.lastRow).toBe(101);

    const retry = fakePorts({ alreadyInvited: [...first.invited] });
    const summary = await importCsv(csvSource(text), retry.ports, { resumeFrom: checkpoint });
    expect(retry.calls.flat()[0]).toMatchObject({ row: 102, email: 'guest101@example.com' });
    expect(retry.calls.flat().some((c) => c.row <= 101)).toBe(false);
    expect(summary.issues.duplicates).toEqual([
      { row: 253, email: 'guest7@example.com', reason: 'repeats row 8', firstRow: 8 },
      { row: 254, email: 'guest170@example.com', reason: 'repeats row 172', firstRow: 172 },
    ]);
    expect(summary.totals).toEqual({ rows: 253, valid: 250, invited: 250, duplicates: 2, invalid: 1, rejected: 0, notInvited: 0 });

    // The same file imported in one go counts the same.
    const whole = await importCsv(csvSource(text), fakePorts().ports);
    expect(summary.totals).toEqual(whole.totals);
    expect(summary.issues).toEqual(whole.issues);
  });

  it('resumes a stopped import without sending again', async () => {
    const text = csvOf(addresses(300));
    const first = fakePorts({ room: 120 });
    const stopped = await importCsv(csvSource(text), first.ports);
    const checkpoint = first.progress.at(-1) as ImportSummary;
    const retry = fakePorts();
    const summary = await importCsv(csvSource(text), retry.ports, { resumeFrom: checkpoint });
    expect(retry.calls).toEqual([]);
    expect(summary.totals).toEqual(stopped.totals);
    expect(summary.stopped).toEqual(stopped.stopped);
  });

  it('refuses to resume on a different file', async () => {
    const f = fakePorts();
    await importCsv(csvSource(csvOf(addresses(150))), f.ports);
    const checkpoint = f.progress[0];
    await expect(importCsv(csvSource('email;name;x\na@example.com;A;1\n'), fakePorts().ports, { resumeFrom: checkpoint })).rejects.toThrow(/not the one this import started with/);
  });

  it('hands progress a copy that later rows do not change', async () => {
    const f = fakePorts();
    await importCsv(csvSource(csvOf([...addresses(100), 'broken'])), f.ports);
    expect(f.progress[0].totals.invalid).toBe(0);
    expect(f.progress[0].done).toBe(false);
  });

  it('streams a file far larger than what it holds', async () => {
    const rows = 20_000;
    const source = Readable.from(
      (function* () {
        yield 'email,name\n';
        for (let i = 0; i < rows; i += 1) yield `guest${i}@example.com,Guest ${i}\n`;
      })(),
    );
    const f = fakePorts();
    const summary = await importCsv(source, f.ports);
    expect(summary.totals).toMatchObject({ rows, invited: rows });
    expect(f.calls).toHaveLength(rows / 100);
  });
});
