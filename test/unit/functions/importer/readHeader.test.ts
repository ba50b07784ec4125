import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../../functions/importer/errors';
import { UNKNOWN_COLUMNS_KEPT, readHeader } from '../../../../functions/importer/readHeader';

describe('reading the header row', () => {
  it('finds email and name whatever their case, spacing, order or byte order mark', () => {
    expect(readHeader(['\uFEFF Name ', ' EMAIL'], 1)).toEqual({ email: 1, name: 0, unknownColumns: [], unknownColumnCount: 0 });
  });

  it('takes a file without a name column', () => {
    expect(readHeader(['Email'], 1)).toMatchObject({ email: 0, name: null });
  });

  it('reports the other columns as written, leaving blank names out', () => {
    expect(readHeader(['email', ' Company ', '', 'Phone', 'name'], 1)).toEqual({
      email: 0,
      name: 4,
      unknownColumns: ['Company', 'Phone'],
      unknownColumnCount: 2,
    });
  });

  it('keeps the first unknown names and counts them all', () => {
    const header = ['email', ...Array.from({ length: 30 }, (_, i) => `extra ${i}`)];
    const columns = readHeader(header, 1);
    expect(columns.unknownColumns).toHaveLength(UNKNOWN_COLUMNS_KEPT);
    expect(columns.unknownColumnCount).toBe(30);
  });

  it('refuses a header without an email column, quoting what it found', () => {
    expect(() => readHeader(['ada@example.com', 'Ada'], 1)).toThrow(ImportFileError);
    expect(() => readHeader(['e-mail', 'name'], 1)).toThrow(/No email column.*row 1 reads "e-mail", "name"/);
  });

  it('refuses a header naming the email column twice', () => {
    expect(() => readHeader(['email', 'name', 'Email'], 1)).toThrow(/email column more than once \(columns 1 and 3\)/);
  });
});
