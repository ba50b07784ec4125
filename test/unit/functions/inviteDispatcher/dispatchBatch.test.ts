import { TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { dispatchBatch, MAILS_IN_FLIGHT } from '../../../../functions/inviteDispatcher/handler';
import type { DispatchMessage } from '../../../../resolvers/lib/dispatch';
import { makeAttendee, makeDispatch, makeEvent } from './dispatchFixtures';
import { CONFIG, fakePorts } from './fakeDispatchPorts';

const throttled = new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} });

/** One record per address, each attendee of evt-1 (an address on `fails.example` fails as `error`). */
function batch(addresses: string[], error: Error) {
  const f = fakePorts(
    {},
    {
      factsFor: (message: DispatchMessage) => ({ event: makeEvent(), attendee: makeAttendee({ email: message.email }), suppression: null }),
      sendError: (input) => (input.Destination!.ToAddresses![0]!.endsWith('@fails.example') ? error : undefined),
    },
  );
  const records = addresses.map((email, i) => ({ messageId: `sqs-${i}`, body: JSON.stringify(makeDispatch({ email })) }));
  return { f, records };
}

describe('dispatchBatch (the handler’s loop)', () => {
  it('sends several mails of a batch at once, at most MAILS_IN_FLIGHT', async () => {
    const { f, records } = batch(Array.from({ length: 10 }, (_, i) => `g${i}@example.com`), new Error('unused'));
    let inFlight = 0;
    let most = 0;
    const send = f.ports.send;
    f.ports.send = async (input) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return send(input);
    };
    expect(await dispatchBatch(records, f.ports, () => CONFIG, f.log)).toEqual({ batchItemFailures: [] });
    expect(f.sent).toHaveLength(10);
    expect(most).toBe(MAILS_IN_FLIGHT);
  });

  it('reports each retried record and goes on with the rest after an ordinary failure', async () => {
    const { f, records } = batch(['a@example.com', 'b@fails.example', 'c@example.com', 'd@example.com'], new Error('socket hang up'));
    expect(await dispatchBatch(records, f.ports, () => CONFIG, f.log)).toEqual({ batchItemFailures: [{ itemIdentifier: 'sqs-1' }] });
    expect(f.sent.map((s) => s.Destination!.ToAddresses![0])).toEqual(['a@example.com', 'c@example.com', 'd@example.com']);
  });

  it('hands the rest of the batch back untried once SES refuses for its sending rate', async () => {
    const { f, records } = batch(['a@example.com', 'b@fails.example', 'c@example.com', 'd@example.com'], throttled);
    // One mail at a time, so that "the rest" is certain.
    expect(await dispatchBatch(records, f.ports, () => CONFIG, f.log, 1)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'sqs-1' }, { itemIdentifier: 'sqs-2' }, { itemIdentifier: 'sqs-3' }],
    });
    expect(f.sent.map((s) => s.Destination!.ToAddresses![0])).toEqual(['a@example.com']);
    expect(f.ports.facts).toHaveBeenCalledTimes(2);
    expect(f.log).toHaveBeenCalledWith('WARN', 'invitation mail not sent: retried later', expect.objectContaining({ sqsMessageId: 'sqs-1', throttled: true }));
  });

  it('does not report what was sent, skipped or dropped, and logs no address', async () => {
    const { f } = batch([], new Error('unused'));
    const records = [
      { messageId: 'sqs-0', body: JSON.stringify(makeDispatch()) },
      { messageId: 'sqs-1', body: 'not json' },
      { messageId: 'sqs-2', body: JSON.stringify(makeDispatch()) },
    ];
    expect(await dispatchBatch(records, f.ports, () => CONFIG, f.log, 1)).toEqual({ batchItemFailures: [] });
    expect(f.log.mock.calls.map(([level, text]) => [level, text])).toEqual([
      ['INFO', 'invitation mail sent'],
      ['ERROR', 'invitation mail dropped: it can never be sent'],
      ['INFO', 'invitation mail not sent: duplicate'],
    ]);
    expect(JSON.stringify(f.log.mock.calls)).not.toContain('grace@example.com');
  });
});
