import { describe, expect, it } from 'vitest';
import type { CsvImportRequest } from '../../../../functions/requestIngestion/classifyRequest';
import { ImportRefusedError, UploadRefusedError } from '../../../../functions/requestIngestion/errors';
import { importByEmail } from '../../../../functions/requestIngestion/importByEmail';
import { CONFIG, fakePorts } from './fakePorts';
import { EVENT_ID, SES_MESSAGE_ID } from './harness';

const bytes = (text: string) => new TextEncoder().encode(text);
const request = (count = 1): CsvImportRequest => ({
  kind: 'csvImport',
  eventId: EVENT_ID,
  attachments: Array.from({ length: count }, (_, i) => ({ index: i + 1, fileName: `list-${i}.csv`, content: bytes(`email\ng${i}@example.com\n`) })),
  ignoredAttachments: 0,
});
const sender = { sesMessageId: SES_MESSAGE_ID, organizerId: 'org-1' };

describe('importByEmail', () => {
  it('starts an import per attachment for the organizer and uploads its bytes with the signed headers', async () => {
    const f = fakePorts();
    const result = await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(result).toEqual({
      outcome: 'done',
      attachments: [
        { index: 1, outcome: 'imported', jobId: 'job-1' },
        { index: 2, outcome: 'imported', jobId: 'job-2' },
      ],
    });
    expect(f.started).toEqual([
      { eventId: EVENT_ID, fileName: 'list-0.csv', organizerId: 'org-1' },
      { eventId: EVENT_ID, fileName: 'list-1.csv', organizerId: 'org-1' },
    ]);
    expect(f.uploads.map((u) => [u.url, u.headers, new TextDecoder().decode(u.content)])).toEqual([
      ['https://imports.example/1', { 'content-type': 'text/csv' }, 'email\ng0@example.com\n'],
      ['https://imports.example/2', { 'content-type': 'text/csv' }, 'email\ng1@example.com\n'],
    ]);
    expect(f.ports.claim).toHaveBeenCalledWith({ table: 'table', consumer: 'requestIngestion', messageId: `${SES_MESSAGE_ID}/1`, token: 'token-1', nowMs: 1_000, leaseMs: 70_000 });
    expect([...f.claims.values()].map((c) => c.status)).toEqual(['SENT', 'SENT']);
  });

  it('imports nothing twice when the notification is delivered again', async () => {
    const f = fakePorts();
    await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(await importByEmail(request(2), sender, CONFIG, f.ports, f.warn)).toEqual({
      outcome: 'done',
      attachments: [
        { index: 1, outcome: 'alreadyImported' },
        { index: 2, outcome: 'alreadyImported' },
      ],
    });
    expect(f.started).toHaveLength(2);
  });

  it('stops at the API’s refusal: the claim is DROPPED with the reason and no other attachment is tried', async () => {
    const f = fakePorts({ startErrors: [new ImportRefusedError('startImport refused: This event belongs to another organizer', 'Unauthorized')] });
    const result = await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(result).toEqual({
      outcome: 'done',
      attachments: [{ index: 1, outcome: 'dropped', reason: 'startImport refused: This event belongs to another organizer', errorType: 'Unauthorized' }],
    });
    expect(f.ports.startImport).toHaveBeenCalledTimes(1);
    expect(f.claims.get(`${SES_MESSAGE_ID}/1`)).toMatchObject({ status: 'DROPPED', reason: expect.stringMatching(/another organizer/) });
  });

  it('drops an upload the bucket refuses and goes on with the next attachment', async () => {
    const f = fakePorts({ uploadErrors: [new UploadRefusedError(403, 'AccessDenied')] });
    const result = await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(result.attachments.map((a) => a.outcome)).toEqual(['dropped', 'imported']);
    expect(result.outcome).toBe('done');
  });

  it('releases the claim on a transient failure and retries; attachments before it stay done', async () => {
    const f = fakePorts({ uploadErrors: [undefined, new TypeError('fetch failed')] });
    const result = await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(result).toEqual({ outcome: 'retry', attachments: [{ index: 1, outcome: 'imported', jobId: 'job-1' }], reason: 'TypeError: fetch failed' });
    expect(f.claims.has(`${SES_MESSAGE_ID}/2`)).toBe(false);

    const again = await importByEmail(request(2), sender, CONFIG, f.ports, f.warn);
    expect(again.attachments).toEqual([
      { index: 1, outcome: 'alreadyImported' },
      { index: 2, outcome: 'imported', jobId: 'job-3' },
    ]);
  });

  it('retries when the claim cannot be written, or another receive holds it', async () => {
    const failing = fakePorts({ claimError: new Error('ProvisionedThroughputExceededException') });
    expect(await importByEmail(request(), sender, CONFIG, failing.ports, failing.warn)).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/^claim failed/) });
    const busy = fakePorts();
    busy.claims.set(`${SES_MESSAGE_ID}/1`, { status: 'SENDING', token: 'other' });
    expect(await importByEmail(request(), sender, CONFIG, busy.ports, busy.warn)).toMatchObject({ outcome: 'retry', reason: 'another receive of this message is importing it' });
    expect(busy.started).toHaveLength(0);
  });

  it('keeps an import that started when its claim cannot be marked (a warning, no retry)', async () => {
    const f = fakePorts();
    f.ports.finish = async () => {
      throw new Error('network');
    };
    expect(await importByEmail(request(), sender, CONFIG, f.ports, f.warn)).toMatchObject({ outcome: 'done', attachments: [{ outcome: 'imported' }] });
    expect(f.warn).toHaveBeenCalledWith('emailed import not marked', expect.objectContaining({ attachment: 1, status: 'SENT' }));
  });
});
