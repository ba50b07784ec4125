// RSVP mail through the whole ingestion path (ingestMail) with fake ports: each client's
// reply is recorded, each bad case dropped with its reason, transient failures retried.
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import { RsvpRefusedError } from '../../../../functions/requestIngestion/errors';
import { ingestMail } from '../../../../functions/requestIngestion/ingestMail';
import { replyFixture, type ReplyFixture, type ReplyValues } from '../../../fixtures/replies/replyFixture';
import { CONFIG, fakePorts, type FakeOptions } from './fakePorts';
import { body, EVENT_ID, RSVP, SES_MESSAGE_ID } from './harness';

const KEY = `inbound/${SES_MESSAGE_ID}`;
const GRACE = 'grace@example.org';
const VALUES: ReplyValues = { eventId: EVENT_ID, mailDomain: 'calendar.example', rsvp: RSVP, attendee: GRACE, sequence: 0, dtstamp: new Date('2030-03-05T09:15:00Z'), messageId: '<r1@example.org>' };

async function run(fixture: ReplyFixture, o: { values?: Partial<ReplyValues>; from?: string; notification?: Parameters<typeof body>[0] } & FakeOptions = {}) {
  const raw = new TextEncoder().encode(replyFixture(fixture, { ...VALUES, ...o.values }));
  const f = fakePorts({ messages: { [KEY]: raw }, ...o });
  const notification = body({ recipients: [RSVP], from: [`Grace Hopper <${o.from ?? GRACE}>`], ...o.notification });
  return { ...f, ingestion: await ingestMail(notification, CONFIG, f.ports, f.warn) };
}

const facts = { sesMessageId: SES_MESSAGE_ID, route: 'rsvp', senderDomain: 'example.org', eventId: EVENT_ID };

describe('RSVP mail', () => {
  it.each([
    ['gmail', 'ACCEPTED', null],
    ['outlook', 'DECLINED', 'Sorry – I’m travelling that week. Have a great launch!'],
    ['apple-mail', 'ACCEPTED', 'Avec plaisir, j’apporte le gâteau !'],
    ['thunderbird', 'TENTATIVE', 'I might be a little late: the train from Bern arrives at 14:10, so I’ll come straight from the station.'],
  ] as const)('records the %s reply as the attendee’s answer', async (fixture, response, comment) => {
    const { ingestion, recorded } = await run(fixture);
    expect(ingestion).toEqual({ outcome: 'recorded', facts, response, status: response });
    expect(recorded).toEqual([{ eventId: EVENT_ID, email: GRACE, response, comment, sequence: 0, dtstamp: '2030-03-05T09:15:00.000Z' }]);
  });

  it('matches the From and the ATTENDEE whatever their case', async () => {
    const { ingestion, recorded } = await run('outlook', { values: { attendee: 'Grace@Example.ORG' }, from: 'GRACE@example.org' });
    expect(ingestion.outcome).toBe('recorded');
    expect(recorded[0]!.email).toBe(GRACE);
  });

  it('applies the same message once: its Message-ID is claimed', async () => {
    const raw = new TextEncoder().encode(replyFixture('gmail', VALUES));
    const f = fakePorts({ messages: { [KEY]: raw, 'inbound/ses-2': raw } });
    const first = await ingestMail(body({ recipients: [RSVP], from: [GRACE] }), CONFIG, f.ports, f.warn);
    const again = await ingestMail(body({ recipients: [RSVP], from: [GRACE], messageId: 'ses-2' }), CONFIG, f.ports, f.warn);
    expect(first.outcome).toBe('recorded');
    expect(again).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/^already handled/) });
    expect(f.recorded).toHaveLength(1);
  });

  describe('drops, with the reason and without calling the API,', () => {
    it.each([
      ['a forged sender', 'forged-sender', { from: 'mallory@evil.example' }, /^the sender is not the ATTENDEE/],
      ['an unknown UID', 'unknown-uid', {}, /^the UID is not one of this service’s invitations/],
      ['a message that is no calendar', 'not-calendar', {}, /^not a calendar message/],
      ['broken MIME', 'broken-mime', {}, /^broken MIME/],
    ] as const)('%s', async (_name, fixture, options, reason) => {
      const { ingestion, recorded, ports } = await run(fixture, options);
      expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(reason), facts: { route: 'rsvp' } });
      expect(recorded).toEqual([]);
      expect(ports.claim).not.toHaveBeenCalled();
    });

    it('mail that fails the verdicts, without reading it', async () => {
      const { ingestion, ports } = await run('gmail', { notification: { verdicts: { spf: 'FAIL', dkim: 'FAIL' } } });
      expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/neither SPF/) });
      expect(ports.loadMessage).not.toHaveBeenCalled();
    });

    it('a reply that leaves the invitation unanswered or delegates it', async () => {
      const raw = replyFixture('forged-sender', VALUES);
      for (const partstat of ['NEEDS-ACTION', 'DELEGATED']) {
        const f = fakePorts({ messages: { [KEY]: new TextEncoder().encode(raw.replace('PARTSTAT=ACCEPTED', `PARTSTAT=${partstat}`)) } });
        const ingestion = await ingestMail(body({ recipients: [RSVP], from: [GRACE] }), CONFIG, f.ports, f.warn);
        expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining(`PARTSTAT=${partstat}`) });
      }
    });
  });

  it('drops what the API refuses for good (stale SEQUENCE, not invited, cancelled), naming the refusal', async () => {
    const stale = new RsvpRefusedError('recordEmailRsvp refused: This reply is older than the answer already recorded: nothing changed.', 'Conflict', 'STALE_REPLY');
    const { ingestion, claims } = await run('stale-sequence', { rsvpErrors: [stale] });
    expect(ingestion).toEqual({ outcome: 'dropped', facts, reason: stale.message, refusal: { errorType: 'Conflict', reason: 'STALE_REPLY' } });
    expect([...claims.values()].map((c) => c.status)).toEqual(['DROPPED', 'DROPPED']);
    const notInvited = await run('gmail', { rsvpErrors: [new RsvpRefusedError('recordEmailRsvp refused: not invited', 'NotFound', null)] });
    expect(notInvited.ingestion).toMatchObject({ outcome: 'dropped', refusal: { errorType: 'NotFound' } });
  });

  it('retries what a retry may fix: the bucket, the table, the API', async () => {
    expect((await run('gmail', { loadError: Object.assign(new Error('Service Unavailable'), { name: 'SlowDown' }) })).ingestion).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/SlowDown/) });
    expect((await run('gmail', { claimError: new Error('ProvisionedThroughputExceededException') })).ingestion).toMatchObject({ outcome: 'retry', facts: { eventId: EVENT_ID } });
    const failed = await run('gmail', { rsvpErrors: [new Error('AppSync answered HTTP 503')] });
    expect(failed.ingestion).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/503/) });
    expect(failed.claims.size).toBe(0);
  });

  it('drops a stored message that is gone', async () => {
    expect((await run('gmail', { loadError: new PermanentError('The stored message is gone (NoSuchKey).') })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/gone/) });
  });

  it('logs no address: the facts carry ids and the sender’s domain', async () => {
    const { ingestion } = await run('forged-sender', { from: 'mallory@evil.example' });
    expect(JSON.stringify(ingestion)).not.toMatch(/grace@|mallory@/);
  });
});
