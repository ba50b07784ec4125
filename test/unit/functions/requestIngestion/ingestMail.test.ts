// The whole path of one notification through fake ports: which messages import, and why the
// others are dropped or retried.
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import { ImportRefusedError } from '../../../../functions/requestIngestion/errors';
import { ingestMail } from '../../../../functions/requestIngestion/ingestMail';
import { CONFIG, fakePorts, type FakeOptions } from './fakePorts';
import { body, EVENT_ID, notification, rawMessage, SES_MESSAGE_ID } from './harness';

const KEY = `inbound/${SES_MESSAGE_ID}`;

async function run(notification: string, options: FakeOptions & { raw?: Uint8Array } = {}) {
  const f = fakePorts({ messages: { [KEY]: options.raw ?? (await rawMessage()) }, ...options });
  return { ...f, ingestion: await ingestMail(notification, CONFIG, f.ports, f.warn) };
}

describe('ingestMail', () => {
  it('imports the CSV of an active organizer’s mail to the requests address', async () => {
    const { ingestion, started, uploads } = await run(body());
    expect(ingestion).toEqual({
      outcome: 'imported',
      facts: { sesMessageId: SES_MESSAGE_ID, route: 'requests', senderDomain: 'example.org', organizerId: 'org-1', eventId: EVENT_ID },
      attachments: [{ index: 0, outcome: 'imported', jobId: 'job-1' }],
      ignoredAttachments: 0,
    });
    expect(started).toEqual([{ eventId: EVENT_ID, fileName: 'guests.csv', organizerId: 'org-1' }]);
    expect(new TextDecoder().decode(uploads[0]!.content)).toBe('email,name\nbob@example.com,Bob\n');
  });

  it('drops mail for neither address', async () => {
    expect((await run(body({ recipients: ['other@calendar.example'] }))).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/neither/) });
  });

  it.each([
    ['spam', { verdicts: { spam: 'FAIL' } }, /spam verdict is FAIL/],
    ['a virus', { verdicts: { virus: 'FAIL' } }, /virus verdict is FAIL/],
    ['failing SPF and DKIM', { verdicts: { spf: 'FAIL', dkim: 'FAIL' } }, /neither SPF \(FAIL\) nor DKIM \(FAIL\)/],
    ['a DMARC FAIL', { verdicts: { dmarc: 'FAIL' }, dmarcPolicy: 'quarantine' }, /DMARC failed/],
  ] as const)('drops %s without looking the sender up or reading the message', async (_name, overrides, reason) => {
    const { ingestion, ports } = await run(body(overrides));
    expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(reason) });
    expect(ports.organizerIdByEmail).not.toHaveBeenCalled();
    expect(ports.loadMessage).not.toHaveBeenCalled();
  });

  it('drops mail whose From domain has no DMARC when SPF passed only for another envelope domain', async () => {
    const forged = notification({ verdicts: { dkim: 'GRAY', dmarc: 'GRAY' } });
    (forged.mail as { source: string }).source = 'mallory@attacker.test';
    const { ingestion, ports } = await run(JSON.stringify(forged));
    expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/vouches for the From domain example\.org/) });
    expect(ports.loadMessage).not.toHaveBeenCalled();
  });

  it('takes mail whose From domain has no DMARC when SPF passed for the From domain itself', async () => {
    expect((await run(body({ verdicts: { dkim: 'GRAY', dmarc: 'GRAY' } }))).ingestion).toMatchObject({ outcome: 'imported' });
  });

  it('drops mail stored outside the inbound bucket', async () => {
    expect((await run(body({ bucket: 'someone-elses' }))).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/outside the inbound bucket/) });
  });

  it('drops a stranger’s mail without reading it, logging the domain only', async () => {
    const { ingestion, ports } = await run(body({ from: ['Mallory <mallory@evil.example>'] }));
    expect(ingestion).toEqual({ outcome: 'dropped', facts: { sesMessageId: SES_MESSAGE_ID, route: 'requests', senderDomain: 'evil.example' }, reason: 'the sender is not a registered organizer' });
    expect(ports.loadMessage).not.toHaveBeenCalled();
    expect(JSON.stringify(ingestion)).not.toContain('mallory@');
  });

  it('drops a suspended organizer’s mail, naming the organizer id', async () => {
    const { ingestion, started } = await run(body(), { organizers: { 'ada@example.org': { id: 'org-1', status: 'SUSPENDED' } } });
    expect(ingestion).toMatchObject({ outcome: 'dropped', reason: 'the organizer is SUSPENDED, not ACTIVE', facts: { organizerId: 'org-1' } });
    expect(started).toHaveLength(0);
  });

  it('drops mail whose address points at an organizer that is gone', async () => {
    expect((await run(body(), { organizers: { 'ada@example.org': { id: 'org-9', status: null } } })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/no longer exists/) });
  });

  it('drops mail without a CSV attachment, or without an event id', async () => {
    expect((await run(body(), { raw: await rawMessage({ attachments: [] }) })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/^no CSV attachment/) });
    expect((await run(body(), { raw: await rawMessage({ subject: 'Guests', text: 'attached' }) })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/^no event id/) });
  });

  it('drops mail naming an event the API refuses for this organizer, with the API’s reason', async () => {
    const refusal = new ImportRefusedError('startImport refused: This event belongs to another organizer: only its organizer may change it.', 'Unauthorized');
    const { ingestion } = await run(body(), { startErrors: [refusal] });
    expect(ingestion).toMatchObject({ outcome: 'dropped', reason: refusal.message, facts: { eventId: EVENT_ID }, attachments: [{ outcome: 'dropped', errorType: 'Unauthorized' }] });
  });

  it('drops a notification that is not SES’s, and a stored message that is gone', async () => {
    expect((await run('{}')).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/notificationType/) });
    expect((await run(body(), { loadError: new PermanentError('The stored message is gone (NoSuchKey).') })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/gone/) });
  });

  it('retries what a retry may fix: the table, the bucket, the API', async () => {
    expect((await run(body(), { lookupError: new Error('ProvisionedThroughputExceededException') })).ingestion).toMatchObject({ outcome: 'retry' });
    expect((await run(body(), { loadError: Object.assign(new Error('Service Unavailable'), { name: 'SlowDown' }) })).ingestion).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/SlowDown/) });
    expect((await run(body(), { startErrors: [new Error('AppSync answered HTTP 502')] })).ingestion).toMatchObject({ outcome: 'retry', facts: { eventId: EVENT_ID } });
  });
});
