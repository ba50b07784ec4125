import { expect, it } from 'vitest';
import { formatBytes } from '../../../../cli/import/formatBytes';

it('writes sizes in SI units with one decimal from kB up', () => {
  expect(formatBytes(0)).toBe('0 B');
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(1000)).toBe('1.0 kB');
  expect(formatBytes(27_123)).toBe('27.1 kB');
  expect(formatBytes(3_400_000)).toBe('3.4 MB');
  expect(formatBytes(5e12)).toBe('5000.0 GB');
});
