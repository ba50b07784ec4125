import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contentLine, CRLF, escapeText, foldLine, FOLD_OCTETS, paramValue, serialize } from '../../../../../functions/lib/calendar/contentLine';
import { cut, multiLineText, singleLineText } from '../../../../../functions/lib/calendar/plainText';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('TEXT values (RFC 5545 section 3.3.11)', () => {
  it('escapes backslash, semicolon and comma, and writes a line break as \\n', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('leaves colon and double quote as they are', () => {
    expect(escapeText('Time: "now"')).toBe('Time: "now"');
  });

  it('turns CRLF and CR into one line break each', () => {
    expect(escapeText('a\r\nb\rc\nd')).toBe('a\\nb\\nc\\nd');
  });

  it('removes the controls that are no line break, DEL and C1 (NEL) among them', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
  });

  it('reads back as the same text through ical.js', () => {
    const text = 'Backslash \\ semi ; comma , colon : quote " and\nanother line';
    const line = contentLine('DESCRIPTION', {}, escapeText(text));
    expect(ICAL.Property.fromString(line).getFirstValue()).toBe(text);
  });
});

describe('parameter values (RFC 5545 section 3.2)', () => {
  it('quotes a value holding a colon, semicolon or comma', () => {
    expect(paramValue('Doe, Jane')).toBe('"Doe, Jane"');
    expect(paramValue('a;b')).toBe('"a;b"');
    expect(paramValue('mailto:x')).toBe('"mailto:x"');
    expect(paramValue('Jane Doe')).toBe('Jane Doe');
  });

  it('cannot hold a double quote, so it becomes a single one', () => {
    expect(paramValue('Jane "JD" Doe')).toBe("Jane 'JD' Doe");
    expect(paramValue('"Doe", Jane')).toBe(`"'Doe', Jane"`);
  });

  it('stays on one line: line breaks and tabs become spaces, controls go', () => {
    expect(paramValue('Jane\r\nDoe\tX\u0000Y')).toBe('Jane Doe XY');
  });

  it('cannot start a parameter or a property of its own', () => {
    const line = contentLine('ATTENDEE', { CN: 'Eve";ROLE=CHAIR:mailto:eve@evil.example\r\nATTENDEE:mailto:x@evil.example' }, 'mailto:grace@example.com');
    const property = ICAL.Property.fromString(line);
    expect(property.getParameter('role')).toBeUndefined();
    expect(property.getFirstValue()).toBe('mailto:grace@example.com');
    expect(property.getParameter('cn')).toBe("Eve';ROLE=CHAIR:mailto:eve@evil.example ATTENDEE:mailto:x@evil.example");
  });

  it('leaves out parameters whose value is undefined', () => {
    expect(contentLine('ORGANIZER', { CN: undefined }, 'mailto:a@b.example')).toBe('ORGANIZER:mailto:a@b.example');
  });

  it('refuses a property or parameter name that is not a token', () => {
    expect(() => contentLine('X;Y', {}, '')).toThrow(/not an iCalendar name/);
    expect(() => contentLine('X', { 'A=B': 'c' }, '')).toThrow(/not an iCalendar name/);
  });
});

describe('folding (RFC 5545 section 3.1)', () => {
  it('leaves a line of 75 octets whole and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}${CRLF} x`);
  });

  it('keeps every physical line, the continuation space included, within 75 octets', () => {
    const folded = foldLine(`SUMMARY:${'abcdefghij'.repeat(30)}`);
    for (const line of folded.split(CRLF)) expect(octets(line)).toBeLessThanOrEqual(FOLD_OCTETS);
    expect(folded.split(CRLF).slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('counts octets, not characters, and never splits a UTF-8 sequence', () => {
    // 2-, 3- and 4-octet characters, placed so that a naive 75-octet cut would land inside one.
    for (const filler of ['é', '€', '😀', 'x€', 'xx😀']) {
      const line = `SUMMARY:${filler.repeat(60)}`;
      const folded = foldLine(line);
      const physical = folded.split(CRLF);
      for (const piece of physical) {
        expect(octets(piece)).toBeLessThanOrEqual(FOLD_OCTETS);
        // A split sequence would decode to U+FFFD once the piece is encoded on its own.
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
        expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      }
      expect(physical.length).toBeGreaterThan(1);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });

  it('folds a long multi-byte value that ical.js unfolds to the same text', () => {
    const text = `Réunion d’équipe — 会議 — 🎉 ${'ü'.repeat(50)}`;
    const ics = serialize(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', contentLine('SUMMARY', {}, escapeText(text)), 'END:VEVENT', 'END:VCALENDAR']);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(text);
  });

  it('ends every line with CRLF', () => {
    expect(serialize(['A:1', 'B:2'])).toBe('A:1\r\nB:2\r\n');
  });
});

describe('plain text cleaning', () => {
  it('puts text on one line for parameters and headers', () => {
    expect(singleLineText('  a\r\nb\u2028c\u2029d\te\u0085  ')).toBe('a b c d e');
    expect(singleLineText(null)).toBe('');
  });

  it('keeps line breaks as LF in several-line text', () => {
    expect(multiLineText('a \r\nb\rc\u2028d\u0000')).toBe('a\nb\nc\nd');
  });

  it('cuts on characters, never inside a surrogate pair', () => {
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(cut('abc', 3)).toBe('abc');
  });
});
