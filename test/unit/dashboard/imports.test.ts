import { describe, expect, it } from 'vitest';
import { newestImport } from '../../../dashboard/imports';

describe('the import the dashboard shows first', () => {
  it('is the one created last, whatever order the API lists them in', () => {
    const jobs = [
      { id: 'b', createdAt: '2030-01-02T10:00:00.000Z' },
      { id: 'c', createdAt: '2030-01-03T09:00:00.000Z' },
      { id: 'a', createdAt: '2030-01-01T10:00:00.000Z' },
    ];
    expect(newestImport(jobs)?.id).toBe('c');
  });

  it('is none for an event without imports', () => {
    expect(newestImport([])).toBeNull();
  });
});
