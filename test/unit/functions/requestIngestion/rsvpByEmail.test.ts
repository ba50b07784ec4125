// A matched reply is recorded once: the message's and the reply's claims, the API's
// refusals (dropped, claims DROPPED) and failures worth a retry (claims released).
import { describe, expect, it } from 'vitest';
import { RsvpRefusedError } from '../../../../functions/requestIngestion/errors';
import type { EmailRsvp } from '../../../../functions/requestIngestion/matchReply';
import { rsvpByEmail } from '../../../../functions/requestIngestion/rsvpByEmail';
import { CONFIG, fakePorts, type FakeOptions } from './fakePorts';

const RSVP: EmailRsvp = { eventId: 'evt-1', email: 'grace@example.com', response: 'DECLINED', comment: 'Sorry', sequence: 1, dtstamp: '2030-03-05T09:15:00.000Z' };
const IDS = { sesMessageId: 'ses-1', message: 'rsvp-message/m1', reply: 'rsvp-reply/r1' };

function setup(options: FakeOptions = {}) {
  const f = fakePorts(options);
  return { ...f, run: (ids = IDS) => rsvpByEmail(RSVP, ids, CONFIG, f.ports, f.warn) };
}

describe('rsvpByEmail', () => {
  it('records the reply and marks both claims SENT', async () => {
    const { run, recorded, claims } = setup();
    expect(await run()).toEqual({ outcome: 'recorded', status: 'DECLINED' });
    expect(recorded).toEqual([RSVP]);
    expect(claims.get('rsvp-message/m1')?.status).toBe('SENT');
    expect(claims.get('rsvp-reply/r1')?.status).toBe('SENT');
  });

  it('applies the same message once, and the same reply in another message once', async () => {
    const { run, recorded, claims } = setup();
    await run();
    expect(await run()).toEqual({ outcome: 'dropped', reason: expect.stringMatching(/^already handled: a message with this Message-ID/) });
    expect(await run({ ...IDS, sesMessageId: 'ses-2', message: 'rsvp-message/m2' })).toEqual({ outcome: 'dropped', reason: expect.stringMatching(/^already handled: the same reply/) });
    expect(recorded).toHaveLength(1);
    expect(claims.get('rsvp-message/m2')?.status).toBe('DROPPED');
  });

  it('drops a reply the API refuses, with its errorType and reason, and marks the claims DROPPED', async () => {
    const { run, claims } = setup({ rsvpErrors: [new RsvpRefusedError('recordEmailRsvp refused: older', 'Conflict', 'STALE_REPLY')] });
    expect(await run()).toEqual({ outcome: 'dropped', reason: 'recordEmailRsvp refused: older', errorType: 'Conflict', apiReason: 'STALE_REPLY' });
    expect([...claims.values()].map((c) => c.status)).toEqual(['DROPPED', 'DROPPED']);
    // Redelivered: refused by the claim, without asking the API again.
    expect(await run()).toMatchObject({ outcome: 'dropped', reason: expect.stringMatching(/^already handled/) });
  });

  it('retries what a retry may fix, releasing both claims so that the retry can record it', async () => {
    const { run, claims, recorded } = setup({ rsvpErrors: [new Error('AppSync answered HTTP 502')] });
    expect(await run()).toEqual({ outcome: 'retry', reason: 'Error: AppSync answered HTTP 502' });
    expect(claims.size).toBe(0);
    expect(await run()).toEqual({ outcome: 'recorded', status: 'DECLINED' });
    expect(recorded).toHaveLength(1);
  });

  it('retries while another receive holds a claim, and when the table fails', async () => {
    const busy = setup();
    busy.claims.set('rsvp-reply/r1', { status: 'SENDING', token: 'other' });
    expect(await busy.run()).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/same reply is being handled/) });
    expect(busy.claims.has('rsvp-message/m1')).toBe(false);
    busy.claims.set('rsvp-message/m1', { status: 'SENDING', token: 'other' });
    expect(await busy.run()).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/another receive/) });
    expect((await setup({ claimError: new Error('ProvisionedThroughputExceededException') }).run())).toMatchObject({ outcome: 'retry', reason: expect.stringMatching(/^claim failed/) });
  });

  it('stays recorded when marking a claim fails (a warning, no retry)', async () => {
    const f = setup();
    f.ports.finish = async () => {
      throw new Error('throttled');
    };
    expect(await f.run()).toEqual({ outcome: 'recorded', status: 'DECLINED' });
    expect(f.warn).toHaveBeenCalledWith('emailed RSVP claim not marked', expect.objectContaining({ status: 'SENT' }));
  });
});
