// Header work done on a message's bytes: reading (unfolded), removing and prepending headers
// without touching anything else, and SES's commonHeaders.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html#receiving-email-notifications-contents-mail-object-commonHeaders
import { describe, expect, it } from 'vitest';
import { commonHeaders, formatAddress, headerRecipients, prependHeaders, readHeaders, removeHeader } from '../../../../local/smtp/mailHeaders';

const raw = Buffer.from(
  [
    'Return-Path: <ada@example.org>',
    'From: "Lovelace, Ada" <ada@example.org>',
    'To: "rsvp@invites.example.com" <rsvp@invites.example.com>, Grace <grace@example.org>',
    'Cc: ops@invites.example.com',
    'Subject: =?UTF-8?Q?Accept=C3=A9e_:_Launch?=',
    'X-Local-SES-Verdicts: spf=FAIL;',
    '\tdkim=FAIL',
    'Content-Type: multipart/alternative;',
    ' boundary="b1"',
    'Date: Mon, 5 Aug 2030 21:29:57 +0000',
    'Message-ID: <reply-1@example.org>',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Caf\u00e9 \u2615',
    '--b1--',
    '',
  ].join('\r\n'),
);

describe('readHeaders', () => {
  it('lists names and unfolded values in order, as SES lists mail.headers', () => {
    const headers = readHeaders(raw);
    expect(headers.map((h) => h.name)).toEqual(['Return-Path', 'From', 'To', 'Cc', 'Subject', 'X-Local-SES-Verdicts', 'Content-Type', 'Date', 'Message-ID']);
    expect(headers.find((h) => h.name === 'Content-Type')!.value).toBe('multipart/alternative; boundary="b1"');
    expect(headers.find((h) => h.name === 'X-Local-SES-Verdicts')!.value).toBe('spf=FAIL;\tdkim=FAIL');
  });
});

describe('removeHeader and prependHeaders', () => {
  it('removes every line of a header, continuation included, and leaves every other byte as it was', () => {
    const stripped = removeHeader(raw, 'x-local-ses-verdicts');
    const expected = Buffer.from(raw.toString('utf8').replace('X-Local-SES-Verdicts: spf=FAIL;\r\n\tdkim=FAIL\r\n', ''), 'utf8');
    expect(stripped.equals(expected)).toBe(true);
    expect(removeHeader(raw, 'X-Not-There')).toBe(raw);
  });

  it('puts headers in front of the message, the message following unchanged', () => {
    const out = prependHeaders(raw, [{ name: 'X-Rule', value: 'store' }]);
    expect(out.subarray(0, 15).toString()).toBe('X-Rule: store\r\n');
    expect(out.subarray(15).equals(raw)).toBe(true);
  });

  it('works on messages with bare LF line ends', () => {
    const lf = Buffer.from('X-A: 1\nX-Local-SES-Verdicts: spf=FAIL\nSubject: s\n\nbody\n');
    expect(removeHeader(lf, 'X-Local-SES-Verdicts').toString()).toBe('X-A: 1\nSubject: s\n\nbody\n');
  });
});

describe('commonHeaders', () => {
  it('gives addresses one string each, Return-Path without brackets, and Date and Message-ID as written', async () => {
    const common = await commonHeaders(raw);
    expect(common).toEqual({
      returnPath: 'ada@example.org',
      from: ['"Lovelace, Ada" <ada@example.org>'],
      to: ['"rsvp@invites.example.com" <rsvp@invites.example.com>', 'Grace <grace@example.org>'],
      cc: ['ops@invites.example.com'],
      date: 'Mon, 5 Aug 2030 21:29:57 +0000',
      messageId: '<reply-1@example.org>',
      subject: 'Acceptée : Launch',
    });
    expect(headerRecipients(common)).toEqual(['rsvp@invites.example.com', 'grace@example.org', 'ops@invites.example.com']);
  });

  it('quotes display names with specials, as in SES examples', () => {
    expect(formatAddress('Doe, John', 'sender@example.com')).toBe('"Doe, John" <sender@example.com>');
    expect(formatAddress('', 'sender@example.com')).toBe('sender@example.com');
  });
});
