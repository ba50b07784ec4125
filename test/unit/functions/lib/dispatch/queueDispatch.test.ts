import type { SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { dispatchBatches, SQS_BATCH_SIZE } from '../../../../../functions/lib/dispatch/batches';
import { queueDispatch, RESENDS, type SendBatch } from '../../../../../functions/lib/dispatch/queueDispatch';
import type { DispatchMessage } from '../../../../../resolvers/lib/dispatch';

const messages = (n: number): DispatchMessage[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'REQUEST', reason: 'INVITED', eventId: 'evt-1', email: `guest${i}@example.com`, sequence: 0 }));

/**
 * A fake SendMessageBatch that keeps what it accepted; `refuse(email, request)` says how an
 * entry is refused (a sender fault or not), or throws to fail the whole request.
 */
function fakeSqs(refuse: (email: string, request: number) => { senderFault: boolean } | undefined = () => undefined) {
  const accepted: string[] = [];
  const requests: SendMessageBatchCommandInput[] = [];
  const sendBatch: SendBatch = vi.fn(async (input: SendMessageBatchCommandInput) => {
    requests.push(input);
    const Failed = [];
    for (const entry of input.Entries!) {
      const email = (JSON.parse(entry.MessageBody!) as DispatchMessage).email;
      const refusal = refuse(email, requests.length);
      if (refusal) Failed.push({ Id: entry.Id, Code: refusal.senderFault ? 'InvalidMessageContents' : 'InternalError', Message: 'no', SenderFault: refusal.senderFault });
      else accepted.push(email);
    }
    return { Failed };
  });
  const sleep = vi.fn(async (_ms: number) => {});
  return { sendBatch, sleep, accepted, requests };
}

describe('dispatchBatches', () => {
  it('makes batches of ten entries, each id the message’s index, with the kind and event as attributes', () => {
    const batches = dispatchBatches(messages(23));
    expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
    expect(SQS_BATCH_SIZE).toBe(10);
    expect(batches.flat().map((e) => e.Id)).toEqual(Array.from({ length: 23 }, (_, i) => String(i)));
    expect(batches[2]![2]).toEqual({
      Id: '22',
      MessageBody: JSON.stringify(messages(23)[22]),
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'REQUEST' }, eventId: { DataType: 'String', StringValue: 'evt-1' } },
    });
    expect(dispatchBatches([])).toEqual([]);
  });
});

describe('queueDispatch', () => {
  it('sends every message, ten per request, and answers no failures', async () => {
    const sqs = fakeSqs();
    expect(await queueDispatch('https://queue', messages(25), sqs.sendBatch, sqs.sleep)).toEqual([]);
    expect(sqs.accepted.sort()).toEqual(messages(25).map((m) => m.email).sort());
    expect(sqs.requests.map((r) => [r.QueueUrl, r.Entries!.length]).sort()).toEqual([['https://queue', 10], ['https://queue', 10], ['https://queue', 5]].sort());
    expect(sqs.sleep).not.toHaveBeenCalled();
  });

  it('sends again, after a wait, what SQS refused for a reason of its own', async () => {
    const sqs = fakeSqs((email, request) => (email === 'guest3@example.com' && request === 1 ? { senderFault: false } : undefined));
    expect(await queueDispatch('https://queue', messages(12), sqs.sendBatch, sqs.sleep)).toEqual([]);
    expect(sqs.accepted).toContain('guest3@example.com');
    expect(sqs.requests.at(-1)!.Entries!.map((e) => JSON.parse(e.MessageBody!).email)).toEqual(['guest3@example.com']);
    expect(sqs.sleep).toHaveBeenCalledWith(100);
  });

  it('gives up after the last resend and names what is still refused', async () => {
    const sqs = fakeSqs((email) => (email === 'guest1@example.com' ? { senderFault: false } : undefined));
    expect(await queueDispatch('https://queue', messages(3), sqs.sendBatch, sqs.sleep)).toEqual([{ message: messages(3)[1], error: 'InternalError: no' }]);
    expect(sqs.requests).toHaveLength(1 + RESENDS);
    expect(vi.mocked(sqs.sleep).mock.calls.map(([ms]) => ms)).toEqual([100, 200, 400]);
  });

  it('never resends a sender fault, and still reports it when other entries of the round are resent', async () => {
    const sqs = fakeSqs((email, request) => (email === 'guest0@example.com' ? { senderFault: true } : email === 'guest1@example.com' && request === 1 ? { senderFault: false } : undefined));
    expect(await queueDispatch('https://queue', messages(3), sqs.sendBatch, sqs.sleep)).toEqual([{ message: messages(3)[0], error: 'InvalidMessageContents: no (sender fault)' }]);
    expect(sqs.accepted.sort()).toEqual(['guest1@example.com', 'guest2@example.com']);
    expect(sqs.requests).toHaveLength(2);
    expect(sqs.requests[1]!.Entries).toHaveLength(1);
  });

  it('counts a request that fails as a whole as a failure of each entry, resent like the others, the rest still sent', async () => {
    let calls = 0;
    const sqs = fakeSqs();
    const sendBatch: SendBatch = async (input) => {
      calls += 1;
      if (input.Entries!.some((e) => e.Id === '0')) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      return sqs.sendBatch(input);
    };
    const failures = await queueDispatch('https://queue', messages(15), sendBatch, sqs.sleep);
    expect(failures.map((f) => [f.message.email, f.error])).toEqual(messages(10).map((m) => [m.email, 'TimeoutError: socket hang up']));
    expect(sqs.accepted.sort()).toEqual(messages(15).slice(10).map((m) => m.email).sort());
    expect(calls).toBe(2 + RESENDS);
  });

  it('queues nothing and asks nothing for no messages', async () => {
    const sqs = fakeSqs();
    expect(await queueDispatch('https://queue', [], sqs.sendBatch, sqs.sleep)).toEqual([]);
    expect(sqs.sendBatch).not.toHaveBeenCalled();
  });
});
