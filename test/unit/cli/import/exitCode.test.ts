import { expect, it } from 'vitest';
import { exitCodeFor } from '../../../../cli/import/exitCode';

it('exits 0 for a complete import, 2 for one a limit stopped, 1 for a failure', () => {
  expect(exitCodeFor({ status: 'COMPLETED', stoppedAtRow: null })).toBe(0);
  expect(exitCodeFor({ status: 'COMPLETED', stoppedAtRow: 102 })).toBe(2);
  expect(exitCodeFor({ status: 'FAILED', stoppedAtRow: null })).toBe(1);
  expect(exitCodeFor({ status: 'RUNNING', stoppedAtRow: null })).toBe(1);
});
