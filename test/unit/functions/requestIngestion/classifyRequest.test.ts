// Messages as mail clients compose them (nodemailer), read by postal-mime, then classified.
import { describe, expect, it } from 'vitest';
import { classifyRequest, MAX_CSV_ATTACHMENTS } from '../../../../functions/requestIngestion/classifyRequest';
import { readMessage } from '../../../../functions/requestIngestion/readMessage';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { EVENT_ID, rawMessage } from './harness';

const classify = async (options: Parameters<typeof rawMessage>[0] = {}) => classifyRequest(await readMessage(await rawMessage(options)));
const csv = 'email,name\nbob@example.com,Bob\n';

describe('classifyRequest', () => {
  it('asks for a CSV import of the attached file, for the event the subject names', async () => {
    const request = await classify();
    expect(request).toMatchObject({ kind: 'csvImport', eventId: EVENT_ID, ignoredAttachments: 0 });
    expect(request.kind === 'csvImport' && request.attachments.map((a) => [a.index, a.fileName, new TextDecoder().decode(a.content)])).toEqual([[0, 'guests.csv', csv]]);
  });

  it('reads the event id from the text when the subject has none', async () => {
    expect(await classify({ subject: 'Guest list', text: `Please invite them to ${EVENT_ID}.` })).toMatchObject({ kind: 'csvImport', eventId: EVENT_ID });
  });

  it('reads the event id from an HTML-only body', async () => {
    expect(await classify({ subject: 'Guest list', text: undefined, html: `<p>Event <b>${EVENT_ID}</b></p>` })).toMatchObject({ kind: 'csvImport', eventId: EVENT_ID });
  });

  it('keeps the bytes of a base64 attachment exactly (BOM and CRLF included)', async () => {
    const bytes = Buffer.from('\uFEFFemail\r\nbob@example.com\r\n');
    const request = await classify({ attachments: [{ filename: 'guests.csv', content: bytes, contentType: 'application/octet-stream', encoding: undefined }] });
    expect(request.kind === 'csvImport' && Buffer.from(request.attachments[0]!.content)).toEqual(bytes);
  });

  it('takes only the CSVs among other attachments, with their positions', async () => {
    const request = await classify({
      attachments: [
        { filename: 'agenda.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
        { filename: 'team.csv', content: csv, contentType: 'application/vnd.ms-excel' },
        { filename: 'guests.csv', content: csv },
      ],
    });
    expect(request.kind === 'csvImport' && request.attachments.map((a) => [a.index, a.fileName])).toEqual([
      [1, 'team.csv'],
      [2, 'guests.csv'],
    ]);
  });

  it(`imports at most ${MAX_CSV_ATTACHMENTS} attachments and counts the rest`, async () => {
    const attachments = Array.from({ length: MAX_CSV_ATTACHMENTS + 2 }, (_, i) => ({ filename: `list-${i}.csv`, content: csv }));
    const request = await classify({ attachments });
    expect(request).toMatchObject({ kind: 'csvImport', ignoredAttachments: 2 });
    expect(request.kind === 'csvImport' && request.attachments).toHaveLength(MAX_CSV_ATTACHMENTS);
  });

  it('asks for nothing without a CSV attachment', async () => {
    expect(await classify({ attachments: [] })).toEqual({ kind: 'none', reason: expect.stringMatching(/^no CSV attachment/) });
    expect(await classify({ attachments: [{ filename: 'guests.xlsx', content: 'PK' }] })).toMatchObject({ kind: 'none' });
  });

  it('asks for nothing without an event id', async () => {
    expect(await classify({ subject: 'Guests', text: 'attached' })).toEqual({ kind: 'none', reason: 'no event id (a UUID) in the subject or the text of the message' });
  });
});

describe('readMessage', () => {
  it('refuses a message nested past postal-mime’s limit as malformed', async () => {
    let raw = 'Content-Type: text/plain\r\n\r\nx\r\n';
    for (let i = 0; i < 300; i++) raw = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${raw}--b${i}--\r\n`;
    await expect(readMessage(new TextEncoder().encode(raw))).rejects.toThrow(MalformedInputError);
  });
});
