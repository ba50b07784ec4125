import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../functions/importer/detectDelimiter';

describe('choosing the delimiter from the header line', () => {
  it('takes the comma for a comma-separated header', () => {
    expect(detectDelimiter('email,name,company\nada@example.com;x;y,z')).toBe(',');
  });

  it('takes the semicolon for a semicolon-separated header, whatever the data rows hold', () => {
    expect(detectDelimiter('email;name\nada@example.com;"Lovelace, Ada, Countess"')).toBe(';');
  });

  it('does not count delimiters inside quoted names', () => {
    expect(detectDelimiter('"e-mail, work";name;notes\n')).toBe(';');
    expect(detectDelimiter('"a;b;c","d;e",email\n')).toBe(',');
  });

  it('reads the first line with content, passing over blank lines', () => {
    expect(detectDelimiter('\r\n  \r\nemail;name\r\n')).toBe(';');
  });

  it('takes the comma for a single column or a tie', () => {
    expect(detectDelimiter('email\nada@example.com')).toBe(',');
    expect(detectDelimiter('email,name;notes\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
