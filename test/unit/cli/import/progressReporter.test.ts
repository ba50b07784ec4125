import { describe, expect, it } from 'vitest';
import { progressReporter, type ProgressStream } from '../../../../cli/import/progressReporter';
import { makeImportJob } from '../../../helpers/importJob';

function stream(isTTY: boolean, columns = 80): ProgressStream & { text: string } {
  const s = { text: '', isTTY, columns, write: (t: string) => (s.text += t) };
  return s;
}

const first = makeImportJob({ size: 1000, bytesRead: 500, lastRow: 101 });
const second = makeImportJob({ size: 1000, bytesRead: 1000, lastRow: 201, status: 'COMPLETED' });

describe('progress output', () => {
  it('redraws one line in place on a terminal, and leaves it on its own line at the end', () => {
    const out = stream(true);
    const reporter = progressReporter(out);
    reporter.update(first);
    reporter.update(first);
    reporter.update(second);
    reporter.end();
    const frames = out.text.split('\r').filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toBe('[############------------] 50%  500 B of 1.0 kB  row 101  0 invited\x1b[K');
    expect(frames[1]).toMatch(/^\[#{24}\] 100% .*\x1b\[K\n$/);
  });

  it('prints a note on its own line and redraws the bar under it', () => {
    const out = stream(true);
    const reporter = progressReporter(out);
    reporter.update(first);
    reporter.note('Live updates stopped');
    expect(out.text.endsWith('\rLive updates stopped\x1b[K\n[############------------] 50%  500 B of 1.0 kB  row 101  0 invited')).toBe(true);
  });

  it('writes one plain line per change elsewhere, with no control characters', () => {
    const out = stream(false);
    const reporter = progressReporter(out);
    reporter.note('Uploading guests.csv');
    reporter.update(first);
    reporter.update(first);
    reporter.update(second);
    reporter.end();
    expect(out.text).toBe(
      'Uploading guests.csv\nRUNNING 50%  500 B of 1.0 kB  row 101  0 invited\nCOMPLETED 100%  1.0 kB of 1.0 kB  row 201  0 invited\n',
    );
  });
});
