// Emailed event requests through the whole ingestion path with fake ports: what is created,
// invited and noticed, once, and what is refused, dropped or retried.
import { describe, expect, it, vi } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import { EventRequestRefusedError } from '../../../../functions/requestIngestion/errors';
import { ingestMail } from '../../../../functions/requestIngestion/ingestMail';
import { requestIcs } from '../../../fixtures/requests/requestFixture';
import { CONFIG, fakePorts, type FakeOptions } from './fakePorts';
import { body, rawMessage, REQUESTS, SES_MESSAGE_ID } from './harness';

const KEY = `inbound/${SES_MESSAGE_ID}`;
const GUESTS: [string, string, string] = ['bob@example.com', 'grace@example.net', 'linus@example.com'];
const ics = (o: { uid?: string; end?: string } = {}) =>
  requestIcs({ uid: o.uid ?? 'launch-1@example.org', start: '20300301T090000', end: o.end ?? '20300301T103000', title: 'Launch review', organizer: 'ada@example.org', guests: GUESTS, requests: REQUESTS });
const invitation = (content = ics(), messageId = '<launch-1@mail.example.org>') => rawMessage({ subject: 'Invitation: Launch review', text: 'You are invited.', attachments: [], icalEvent: { method: 'REQUEST', content }, messageId });

type Fake = ReturnType<typeof fakePorts>;

async function run(options: FakeOptions & { raw?: Uint8Array; fake?: Fake; notification?: string } = {}) {
  const f = options.fake ?? fakePorts({ ...options, messages: { [KEY]: options.raw ?? (await invitation()) } });
  return { ...f, ingestion: await ingestMail(options.notification ?? body(), CONFIG, f.ports, f.warn) };
}

describe('emailed event requests', () => {
  it('creates the event an active organizer mails, invites its attendees and tells the organizer', async () => {
    const { ingestion, created, invites, notices } = await run();
    expect(ingestion).toMatchObject({ outcome: 'created', invited: 3, stopped: null, facts: { organizerId: 'org-1', eventId: 'event-1', route: 'requests' } });
    expect(created).toEqual([
      {
        organizerId: 'org-1',
        input: { title: 'Launch review', description: 'Agenda:\n1. Welcome, coffee\n2. Roadmap', location: 'Room 4, Main building', startsAt: '2030-03-01T08:00:00.000Z', endsAt: '2030-03-01T09:30:00.000Z', timeZone: 'Europe/Berlin' },
      },
    ]);
    expect(invites).toEqual([{ eventId: 'event-1', organizerId: 'org-1', attendees: [{ email: GUESTS[0], name: 'Ada Guest' }, { email: GUESTS[1], name: 'Hopper, Grace' }, { email: GUESTS[2], name: null }] }]);
    expect(notices()).toEqual([expect.objectContaining({ kind: 'EVENT_REQUEST_PROCESSED', organizerId: 'org-1', details: expect.objectContaining({ eventId: 'event-1', invited: 3 }) })]);
  });

  it('reads the REQUEST from an .ics attachment too', async () => {
    const raw = await rawMessage({ subject: 'Launch', text: 'See attached', attachments: [{ filename: 'invite.ics', content: ics(), contentType: 'application/ics' }] });
    expect((await run({ raw })).ingestion).toMatchObject({ outcome: 'created', invited: 3 });
  });

  it('invites in chunks of 100', async () => {
    const attendees = Array.from({ length: 230 }, (_, i) => `ATTENDEE:mailto:guest-${i}@example.com`).join('\r\n');
    const raw = await invitation(ics().replace('BEGIN:VALARM', `${attendees}\r\nBEGIN:VALARM`));
    const { ingestion, invites } = await run({ raw });
    expect(invites.map((call) => call.attendees.length)).toEqual([100, 100, 33]);
    expect(ingestion).toMatchObject({ outcome: 'created', invited: 233 });
  });

  it('creates nothing twice: the same notification again, or the same invitation in another mail', async () => {
    const fake = fakePorts({ messages: { [KEY]: await invitation() } });
    await run({ fake });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/already handled: a message with this Message-ID/) });
    fake.ports.loadMessage = async () => invitation(ics(), '<resent@mail.example.org>');
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/same request \(UID and SEQUENCE\)/) });
    expect(fake.created).toHaveLength(1);
    expect(fake.invites).toHaveLength(1);
    expect(fake.notices()).toHaveLength(1);
  });

  it('finishes a request after a partial failure without creating the event again', async () => {
    const fake = fakePorts({ messages: { [KEY]: await invitation() }, inviteErrors: [new Error('AppSync answered HTTP 502')], noticeErrors: [new Error('ProvisionedThroughputExceededException')] });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'retry', facts: { eventId: 'event-1' } });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/ProvisionedThroughput/) });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'created', invited: 3, facts: { eventId: 'event-1' } });
    expect(fake.created).toHaveLength(1);
    expect(fake.invites).toHaveLength(1);
    expect(fake.notices().map((n) => n.kind)).toEqual(['EVENT_REQUEST_PROCESSED']);
  });

  it('creates the event once when the progress could not be saved after createEvent: the retry names the same event', async () => {
    const fake = fakePorts({ messages: { [KEY]: await invitation() }, saveErrors: [new Error('ProvisionedThroughputExceededException')] });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'retry', facts: { eventId: 'event-1' } });
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'created', invited: 3, facts: { eventId: 'event-1' } });
    expect(fake.ports.createEvent).toHaveBeenCalledTimes(2);
    const [first, second] = vi.mocked(fake.ports.createEvent).mock.calls.map((call) => call[2]);
    expect(second).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fake.created).toHaveLength(1);
  });

  it('tells the organizer when createEvent refuses the request, and lets a corrected mail with the same UID through', async () => {
    const refusal = new EventRequestRefusedError('Invalid input: endsAt must be after startsAt', 'ValidationError');
    const fake = fakePorts({ messages: { [KEY]: await invitation(ics({ end: '20300301T080000' })) }, createErrors: [refusal] });
    const { ingestion } = await run({ fake });
    expect(ingestion).toMatchObject({ outcome: 'dropped', reason: refusal.message, refusal: { errorType: 'ValidationError' } });
    expect(fake.notices()).toEqual([
      expect.objectContaining({ kind: 'EVENT_REQUEST_FAILED', organizerId: 'org-1', details: { errorType: 'ValidationError', reason: refusal.message, title: 'Launch review', uid: 'launch-1@example.org' } }),
    ]);
    fake.ports.loadMessage = async () => invitation(ics(), '<corrected@mail.example.org>');
    expect((await run({ fake })).ingestion).toMatchObject({ outcome: 'created' });
  });

  it('keeps the event when inviteAttendees refuses (a limit), saying so in the notice', async () => {
    const { ingestion, notices } = await run({ inviteErrors: [new EventRequestRefusedError('Inviting 3 more would pass the day’s limit.', 'LimitExceeded')] });
    expect(ingestion).toMatchObject({ outcome: 'created', invited: 0, stopped: { errorType: 'LimitExceeded' } });
    expect(notices()[0]).toMatchObject({ kind: 'EVENT_REQUEST_PROCESSED', details: { stopped: { errorType: 'LimitExceeded', reason: 'Inviting 3 more would pass the day’s limit.' } } });
  });

  it('refuses a suspended organizer’s request with a notice, calling no mutation', async () => {
    const { ingestion, created, notices } = await run({ organizers: { 'ada@example.org': { id: 'org-1', status: 'SUSPENDED' } } });
    expect(ingestion).toMatchObject({ outcome: 'dropped', refusal: { errorType: 'Unauthorized' }, reason: expect.stringMatching(/SUSPENDED/) });
    expect(created).toEqual([]);
    expect(notices()).toEqual([expect.objectContaining({ kind: 'EVENT_REQUEST_FAILED', organizerId: 'org-1', details: expect.objectContaining({ errorType: 'Unauthorized' }) })]);
  });

  it('refuses a calendar that is no valid REQUEST with a notice saying why', async () => {
    const two = ics().replace('END:VEVENT', 'END:VEVENT\r\nBEGIN:VEVENT\r\nUID:other\r\nDTSTART:20300302T090000Z\r\nEND:VEVENT');
    const publish = ics().replace('METHOD:REQUEST', 'METHOD:PUBLISH');
    for (const [content, reason] of [
      [two, /holds 2/],
      [publish, /PUBLISH, not a REQUEST/],
    ] as const) {
      const { ingestion, notices, created } = await run({ raw: await rawMessage({ attachments: [{ filename: 'event.ics', content, contentType: 'text/calendar' }] }) });
      expect(ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(reason), refusal: { errorType: 'ValidationError' } });
      expect(notices()).toEqual([expect.objectContaining({ kind: 'EVENT_REQUEST_FAILED', details: expect.objectContaining({ reason: expect.stringMatching(reason) }) })]);
      expect(created).toEqual([]);
    }
  });

  it('creates and notices nothing for a stranger, or for mail failing its verdicts', async () => {
    for (const notification of [body({ from: ['Mallory <mallory@evil.example>'] }), body({ verdicts: { spf: 'FAIL', dkim: 'FAIL' } })]) {
      const { ingestion, created, notices, ports } = await run({ notification });
      expect(ingestion).toMatchObject({ outcome: 'dropped' });
      expect(created).toEqual([]);
      expect(notices()).toEqual([]);
      expect(ports.loadMessage).not.toHaveBeenCalled();
    }
  });

  it('retries what a retry may fix, and drops a message that is gone', async () => {
    expect((await run({ createErrors: [new Error('AppSync answered HTTP 503')] })).ingestion).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/503/) });
    expect((await run({ claimError: new Error('ThrottlingException') })).ingestion).toMatchObject({ outcome: 'retry' });
    expect((await run({ loadError: new PermanentError('The stored message is gone (NoSuchKey).') })).ingestion).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/gone/) });
  });
});
