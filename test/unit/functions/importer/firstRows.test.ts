import { describe, expect, it } from 'vitest';
import { FirstRows } from '../../../../functions/importer/firstRows';

describe('remembering where each address first appeared', () => {
  it('returns nothing the first time and the first row afterwards', () => {
    const rows = new FirstRows();
    expect(rows.seenAt('ada@example.com', 2)).toBeUndefined();
    expect(rows.seenAt('bob@example.com', 3)).toBeUndefined();
    expect(rows.seenAt('ada@example.com', 7)).toBe(2);
    expect(rows.seenAt('ada@example.com', 9)).toBe(2);
    expect(rows.size).toBe(2);
  });

  it('keeps 100,000 distinct addresses apart as it grows, in a few bytes each', () => {
    const rows = new FirstRows();
    const taken: number[] = [];
    for (let i = 0; i < 100_000; i += 1) if (rows.seenAt(`guest${i}@example.com`, i + 2) !== undefined) taken.push(i);
    expect(taken).toEqual([]);
    for (let i = 0; i < 100_000; i += 997) expect(rows.seenAt(`guest${i}@example.com`, 200_000)).toBe(i + 2);
    expect(rows.size).toBe(100_000);
    expect(rows.byteLength).toBeLessThanOrEqual(100_000 * 32);
  });

  it('refuses a row number it could not tell from an empty slot', () => {
    expect(() => new FirstRows().seenAt('ada@example.com', 0)).toThrow(RangeError);
  });
});
