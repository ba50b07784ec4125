import { describe, expect, it } from 'vitest';
import { plainProgressLine, progressBar, progressLine, progressText, readFraction } from '../../../../cli/import/progressLine';
import { makeImportJob } from '../../../helpers/importJob';

const running = makeImportJob({ size: 27_000, bytesRead: 9_180, lastRow: 301, totals: { rows: 300, valid: 290, invited: 280, duplicates: 5, invalid: 5, rejected: 0, notInvited: 0 } });

describe('progress line', () => {
  it('shows bytes read against the size, the row reached and the invited count', () => {
    expect(progressText(running)).toBe('34%  9.2 kB of 27.0 kB  row 301  280 invited');
    expect(progressLine(running)).toBe('[########----------------] 34%  9.2 kB of 27.0 kB  row 301  280 invited');
  });

  it('says 100% only once the whole file was read', () => {
    expect(progressText(makeImportJob({ size: 1000, bytesRead: 999 }))).toMatch(/^99%/);
    expect(progressText(makeImportJob({ size: 1000, bytesRead: 1000 }))).toMatch(/^100%/);
    expect(progressBar(1, 4)).toBe('[####]');
  });

  it('counts an ended job as read, whatever bytesRead says', () => {
    expect(readFraction(makeImportJob({ status: 'FAILED', bytesRead: 0 }))).toBe(1);
    expect(readFraction(makeImportJob({ status: 'COMPLETED', size: 0 }))).toBe(1);
  });

  it('leaves the percentage out while the size is unknown', () => {
    const job = makeImportJob({ size: null, bytesRead: 2048, lastRow: 20 });
    expect(progressText(job)).toBe('2.0 kB read  row 20  0 invited');
    expect(progressLine(job, 200)).toMatch(/^\[\?+\] 2\.0 kB read/);
  });

  it('says what a job waiting for its upload waits for', () => {
    const job = makeImportJob({ status: 'WAITING_FOR_UPLOAD', size: null });
    expect(progressLine(job)).toBe(`[${'-'.repeat(24)}] waiting for the importer to pick up the file`);
    expect(plainProgressLine(job)).toBe('WAITING_FOR_UPLOAD waiting for the importer to pick up the file');
  });

  it('cuts the line to fit the terminal, so it never wraps', () => {
    expect(progressLine(running, 40)).toHaveLength(39);
    expect(progressLine(running, 200)).not.toHaveLength(199);
  });

  it('starts plain lines with the status', () => {
    expect(plainProgressLine(running)).toBe('RUNNING 34%  9.2 kB of 27.0 kB  row 301  280 invited');
  });
});
