import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { describe, expect, it, vi } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import type { Claim, ClaimOutcome } from '../../../../functions/lib/sendOnce/sendClaim';
import { deliverNotice, type DeliveryPorts } from '../../../../functions/noticeMailer/deliverNotice';
import { makeNoticeMessage } from '../../../helpers/notices';

const CONFIG = { table: 'table', sender: 'invites@calendar.example', leaseMs: 40_000, now: () => 1_000, newToken: () => 'token-1' };

/** Ports over an in-memory claim table, with each step's failure chosen by the test. */
function fakePorts(options: { email?: string | null; sendError?: Error; claimError?: Error; finishError?: Error; existing?: ClaimOutcome } = {}) {
  const claims = new Map<string, { status: string; token: string }>();
  const sent: SendEmailCommandInput[] = [];
  const ports: DeliveryPorts = {
    claim: vi.fn(async (claim: Claim) => {
      if (options.claimError) throw options.claimError;
      if (options.existing && options.existing !== 'claimed') return options.existing;
      const current = claims.get(claim.messageId);
      if (current) return current.status === 'SENDING' ? 'inProgress' : 'done';
      claims.set(claim.messageId, { status: 'SENDING', token: claim.token });
      return 'claimed';
    }),
    organizerEmail: vi.fn(async () => (options.email === undefined ? 'ada@example.com' : options.email)),
    send: vi.fn(async (input: SendEmailCommandInput) => {
      if (options.sendError) throw options.sendError;
      sent.push(input);
      return `ses-${sent.length}`;
    }),
    finish: vi.fn(async (claim: Claim, status: string) => {
      if (options.finishError) throw options.finishError;
      claims.set(claim.messageId, { status, token: claim.token });
    }),
    release: vi.fn(async (claim: Claim) => {
      if (claims.get(claim.messageId)?.token === claim.token) claims.delete(claim.messageId);
    }),
  };
  return { ports, claims, sent, log: vi.fn() };
}

const body = JSON.stringify(makeNoticeMessage());

describe('delivering a notice', () => {
  it('claims it, sends it to the organizer’s address from the sender, and marks it SENT', async () => {
    const f = fakePorts();
    const delivery = await deliverNotice(body, CONFIG, f.ports, f.log);
    expect(delivery).toMatchObject({ outcome: 'sent', sesMessageId: 'ses-1', notice: { messageId: 'ORGANIZER_NOTICE#EVENT_CREATED#evt-1' } });
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]).toMatchObject({ FromEmailAddress: CONFIG.sender, Destination: { ToAddresses: ['ada@example.com'] } });
    expect(f.ports.organizerEmail).toHaveBeenCalledWith('org-1');
    expect(f.ports.claim).toHaveBeenCalledWith({ table: 'table', consumer: 'noticeMailer', messageId: 'ORGANIZER_NOTICE#EVENT_CREATED#evt-1', token: 'token-1', nowMs: 1_000, leaseMs: 40_000 });
    expect(f.claims.get('ORGANIZER_NOTICE#EVENT_CREATED#evt-1')?.status).toBe('SENT');
  });

  it('never sends the same notice twice when SQS delivers it again', async () => {
    const f = fakePorts();
    await deliverNotice(body, CONFIG, f.ports, f.log);
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'duplicate' });
    expect(f.sent).toHaveLength(1);
  });

  it('asks for a retry while another receive of the same message holds the claim', async () => {
    const f = fakePorts({ existing: 'inProgress' });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('another receive') });
    expect(f.ports.send).not.toHaveBeenCalled();
  });

  it('retries a send that failed for a reason a retry may fix, releasing the claim so the retry can send', async () => {
    const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
    const f = fakePorts({ sendError: throttled });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'retry', reason: 'TooManyRequestsException: Maximum sending rate exceeded.' });
    expect(f.ports.release).toHaveBeenCalledTimes(1);
    expect(f.claims.size).toBe(0);
  });

  it('retries when the claim itself cannot be written (DynamoDB unavailable), sending nothing', async () => {
    const f = fakePorts({ claimError: new Error('socket hang up') });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('claim failed') });
    expect(f.ports.send).not.toHaveBeenCalled();
  });

  it('drops what SES refuses for good and marks it DROPPED, so redeliveries stop there', async () => {
    const f = fakePorts({ sendError: new PermanentError('SES refused the message: MessageRejected: Email address is not verified.') });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('MessageRejected') });
    expect(f.ports.finish).toHaveBeenCalledWith(expect.anything(), 'DROPPED', { reason: expect.stringContaining('MessageRejected') });
    expect(f.ports.release).not.toHaveBeenCalled();
  });

  it('drops a notice for an organizer without an address (or no longer there)', async () => {
    const f = fakePorts({ email: null });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('no email address') });
    expect(f.ports.send).not.toHaveBeenCalled();
    expect(f.claims.get('ORGANIZER_NOTICE#EVENT_CREATED#evt-1')?.status).toBe('DROPPED');
  });

  it('drops a malformed message without claiming anything', async () => {
    const f = fakePorts();
    expect(await deliverNotice('{"type":"EVENT_UPDATED"}', CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('type') });
    expect(await deliverNotice('not json', CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('not JSON') });
    expect(f.ports.claim).not.toHaveBeenCalled();
  });

  it('counts a sent mail as sent even when marking it fails: a retry would only send it twice', async () => {
    const f = fakePorts({ finishError: new Error('throttled') });
    expect(await deliverNotice(body, CONFIG, f.ports, f.log)).toMatchObject({ outcome: 'sent' });
    expect(f.log).toHaveBeenCalledWith('WARN', 'notice delivery not marked', expect.objectContaining({ status: 'SENT' }));
  });
});
