import type { Attachment } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { csvAttachments, importFileName, isCsvAttachment } from '../../../../functions/requestIngestion/csvAttachments';
import { FILE_NAME_MAX_LENGTH } from '../../../../resolvers/lib/imports';

const part = (mimeType: string, filename: string | null, content: Attachment['content'] = new Uint8Array([0x61])): Attachment => ({
  mimeType,
  filename,
  disposition: 'attachment',
  content,
});

describe('isCsvAttachment', () => {
  it.each([
    ['text/csv', null],
    ['application/csv', 'list.txt'],
    ['application/vnd.ms-excel', 'guests.csv'],
    ['application/octet-stream', 'Guests.CSV'],
    ['text/plain', 'guests.csv '],
  ])('takes %s named %s', (mimeType, filename) => {
    expect(isCsvAttachment(part(mimeType, filename))).toBe(true);
  });

  it.each([
    ['application/vnd.ms-excel', 'guests.xls'],
    ['application/pdf', 'agenda.pdf'],
    ['text/plain', null],
    ['image/png', 'csv.png'],
  ])('leaves %s named %s', (mimeType, filename) => {
    expect(isCsvAttachment(part(mimeType, filename))).toBe(false);
  });
});

describe('csvAttachments', () => {
  it('keeps each CSV’s position among all attachments, its name and its bytes', () => {
    const found = csvAttachments([part('application/pdf', 'agenda.pdf'), part('text/csv', 'a.csv', new Uint8Array([1, 2]).buffer), part('text/csv', null, 'x,y')]);
    expect(found).toEqual([
      { index: 1, fileName: 'a.csv', content: new Uint8Array([1, 2]) },
      { index: 2, fileName: 'attachment-3.csv', content: new TextEncoder().encode('x,y') },
    ]);
  });
});

describe('importFileName', () => {
  it('keeps a name on one line', () => {
    expect(importFileName(' guests\r\n list.csv ', 1)).toBe('guests list.csv');
  });

  it('cuts a long name to the API’s maximum, keeping the extension', () => {
    const name = importFileName(`${'x'.repeat(400)}.csv`, 1);
    expect(name).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(name.endsWith('….csv')).toBe(true);
  });

  it('names an unnamed part by its position', () => {
    expect(importFileName(null, 2)).toBe('attachment-2.csv');
    expect(importFileName('  ', 1)).toBe('attachment-1.csv');
  });
});
