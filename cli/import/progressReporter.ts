// Where progress goes while the import runs (stderr, so stdout keeps only the summary): on a
// terminal one line redrawn in place; elsewhere one plain line per change, for logs and CI.
import type { ImportJobView } from './importOperations';
import { plainProgressLine, progressLine } from './progressLine';

/** The part of a stream the reporter uses (process.stderr in the CLI). */
export type ProgressStream = { write(text: string): unknown; isTTY?: boolean; columns?: number };

export type ProgressReporter = {
  update(job: ImportJobView): void;
  /** A message of its own line (upload started, live updates lost ...). */
  note(text: string): void;
  /** Leaves the cursor on a fresh line. */
  end(): void;
};

/** Erase from the cursor to the end of the line (ECMA-48 EL). */
const CLEAR_LINE = '\x1b[K';

export function progressReporter(stream: ProgressStream): ProgressReporter {
  let last: string | null = null;
  if (!stream.isTTY) {
    return {
      update(job) {
        const line = plainProgressLine(job);
        if (line !== last) stream.write(`${line}\n`);
        last = line;
      },
      note: (text) => stream.write(`${text}\n`),
      end() {},
    };
  }
  let drawn = false;
  return {
    update(job) {
      const line = progressLine(job, stream.columns ?? 80);
      if (line === last && drawn) return;
      stream.write(`\r${line}${CLEAR_LINE}`);
      last = line;
      drawn = true;
    },
    note(text) {
      stream.write(`\r${text}${CLEAR_LINE}\n`);
      if (drawn && last !== null) stream.write(last);
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
