import { describe, expect, it } from 'vitest';
import { NOT_UTF8_REASON, checkRow } from '../../../../functions/importer/checkRow';
import type { CsvColumns } from '../../../../functions/importer/readHeader';

const COLUMNS: CsvColumns = { email: 0, name: 1, unknownColumns: [], unknownColumnCount: 0 };

describe('checking a data row with the API’s rules', () => {
  it('takes an address trimmed with its domain lower-cased, and a cleaned name', () => {
    expect(checkRow(['  Ada.Lovelace@Example.COM ', ' Ada \t Lovelace '], COLUMNS)).toEqual({
      kind: 'valid',
      email: 'Ada.Lovelace@example.com',
      name: 'Ada Lovelace',
      key: 'ada.lovelace@example.com',
    });
  });

  it('gives no name for an empty name cell, or without a name column', () => {
    expect(checkRow(['ada@example.com', ''], COLUMNS)).toMatchObject({ kind: 'valid', name: null });
    expect(checkRow(['ada@example.com', 'Ada'], { ...COLUMNS, name: null })).toMatchObject({ kind: 'valid', name: null });
  });

  it('refuses what the API refuses, with the API’s reasons', () => {
    expect(checkRow(['ada.example.com', 'Ada'], COLUMNS)).toEqual({ kind: 'invalid', email: 'ada.example.com', reason: 'not an email address (local@domain)' });
    expect(checkRow(['ada lovelace@example.com', ''], COLUMNS)).toMatchObject({ kind: 'invalid', reason: 'the part before @ has characters an address cannot have' });
    expect(checkRow(['ada@localhost', ''], COLUMNS)).toMatchObject({ kind: 'invalid', reason: '"localhost" is not a domain name' });
    expect(checkRow(['ada@example.com', 'A'.repeat(201)], COLUMNS)).toMatchObject({ kind: 'invalid', reason: 'name longer than 200 characters' });
  });

  it('reports a missing address, and says why when the row is too short to have one', () => {
    expect(checkRow(['', 'Ada'], COLUMNS)).toEqual({ kind: 'invalid', email: '', reason: 'no email address' });
    expect(checkRow(['Ada'], { ...COLUMNS, email: 2 })).toEqual({ kind: 'invalid', email: '', reason: 'no email address: the row has 1 field and email is column 3' });
  });

  it('still reads the address of a row with more or fewer fields than the header', () => {
    expect(checkRow(['ada@example.com'], COLUMNS)).toMatchObject({ kind: 'valid', email: 'ada@example.com', name: null });
    expect(checkRow(['ada@example.com', 'Ada', 'extra', 'more'], COLUMNS)).toMatchObject({ kind: 'valid', name: 'Ada' });
  });

  it('skips a row whose fields are all blank', () => {
    expect(checkRow([''], COLUMNS)).toEqual({ kind: 'blank' });
    expect(checkRow([' ', '', '\t'], COLUMNS)).toEqual({ kind: 'blank' });
  });

  it('refuses a row holding bytes that were not UTF-8', () => {
    expect(checkRow(['jos\uFFFD@example.com', ''], COLUMNS)).toMatchObject({ kind: 'invalid', reason: NOT_UTF8_REASON });
    expect(checkRow(['jose@example.com', 'Jos\uFFFD'], COLUMNS)).toMatchObject({ kind: 'invalid', reason: NOT_UTF8_REASON });
  });
});
