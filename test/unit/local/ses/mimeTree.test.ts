// MIME parsing for the viewer and SES events: multipart nesting and IMAP part numbers
// (RFC 2046 section 5.1, RFC 3501 section 6.4.5), transfer encodings (RFC 2045 section 6),
// encoded words (RFC 2047) and parameter continuations (RFC 2231), on messages built by
// nodemailer's MailComposer (what the invite Lambda sends).
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeWords, parseHeaderValue } from '../../../../local/ses/mimeDecode';
import { findPart, headerOf, leafParts, parseMessage, partBytes, partText } from '../../../../local/ses/mimeTree';

describe('parseMessage', () => {
  it('numbers the parts of an invite (alternative text/html/calendar in mixed, with attachments)', async () => {
    const raw = await new MailComposer({
      from: 'Ada <ada@example.com>',
      to: 'bob@example.org',
      subject: 'Invitation: Standup é',
      text: 'Hello Bob',
      html: '<p>Hello <b>Bob</b></p>',
      icalEvent: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' },
      attachments: [{ filename: 'agenda €.txt', content: 'point 1' }],
    })
      .compile()
      .build();
    const root = parseMessage(raw);
    expect(root.contentType).toBe('multipart/mixed');
    expect(decodeWords(headerOf(root.headers, 'subject')!)).toBe('Invitation: Standup é');
    const leaves = leafParts(root);
    expect(leaves.map((p) => [p.path, p.contentType])).toEqual([
      ['1.1', 'text/plain'],
      ['1.2', 'text/html'],
      ['1.3', 'text/calendar'],
      ['2', 'text/plain'],
      ['3', 'application/ics'],
    ]);
    expect(partText(findPart(root, '1.1')!)).toBe('Hello Bob');
    expect(findPart(root, '1.3')!.params.method).toBe('REQUEST');
    expect(findPart(root, '2')!.filename).toBe('agenda €.txt');
    expect(partText(findPart(root, '2')!)).toBe('point 1');
    expect(partText(findPart(root, '3')!)).toContain('METHOD:REQUEST');
  });

  it('keeps a single-part message as part 1 and its bytes intact', () => {
    const raw = Buffer.from('From: a@b.c\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 =\r\nau lait\r\n');
    const root = parseMessage(raw);
    expect(root.path).toBe('1');
    expect(partText(root)).toBe('Café au lait\r\n');
  });

  it('decodes base64 parts to their bytes', () => {
    const raw = Buffer.from('Content-Type: multipart/mixed; boundary=xyz\r\n\r\npreamble\r\n--xyz\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n/w==\r\n--xyz--\r\nepilogue');
    const part = findPart(parseMessage(raw), '1')!;
    expect([...partBytes(part)]).toEqual([0, 1, 2, 255]);
  });
});

describe('header decoding', () => {
  it('decodes encoded words, joining adjacent ones', () => {
    expect(decodeWords('=?UTF-8?B?w6k=?= =?UTF-8?Q?t=C3=A9?= plain')).toBe('été plain');
  });

  it('reads parameters with quotes and RFC 2231 continuations', () => {
    expect(parseHeaderValue('text/calendar; charset="utf-8"; method=REQUEST')).toEqual({ value: 'text/calendar', params: { charset: 'utf-8', method: 'REQUEST' } });
    expect(parseHeaderValue("attachment; filename*0*=UTF-8''%E2%82%AC; filename*1=.txt").params.filename).toBe('€.txt');
  });

  it('decodes quoted-printable soft line breaks and escapes', () => {
    expect(decodeQuotedPrintable('a=3Db=\r\nc').toString()).toBe('a=bc');
  });
});
