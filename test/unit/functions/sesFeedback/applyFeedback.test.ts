import type { UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { applyFeedback, type FeedbackPorts } from '../../../../functions/sesFeedback/applyFeedback';
import { bounceRecord, complaintRecord, deliveryRecord } from './sesRecords';

const CONFIG = { table: 'table', now: () => '2026-03-01T10:00:05.000Z' };

function fakePorts(answers: ('written' | 'unchanged' | Error)[] = []) {
  const writes: UpdateItemCommandInput[] = [];
  const ports: FeedbackPorts = {
    write: vi.fn(async (update: UpdateItemCommandInput) => {
      writes.push(update);
      const answer = answers.shift() ?? 'written';
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
  return { ports, writes, pks: () => writes.map((w) => unmarshall(w.Key!).pk) };
}

describe('applying a feedback record', () => {
  it('writes the suppression, then the attendee, and says what it did without naming the address', async () => {
    const f = fakePorts();
    const outcome = await applyFeedback(JSON.stringify(bounceRecord()), CONFIG, f.ports);
    expect(outcome).toEqual({
      outcome: 'applied',
      summary: { type: 'Bounce', bounceType: 'Permanent', sesMessageId: expect.any(String), eventId: 'evt-1' },
      written: 2,
      unchanged: 0,
    });
    expect(f.pks()).toEqual(['suppression#ada@example.com', 'event#evt-1']);
    expect(JSON.stringify(outcome)).not.toContain('ada@');
  });

  it('counts writes whose condition failed as done: a redelivery, or an attendee that is gone', async () => {
    const f = fakePorts(['unchanged', 'unchanged']);
    expect(await applyFeedback(JSON.stringify(complaintRecord()), CONFIG, f.ports)).toMatchObject({ outcome: 'applied', written: 0, unchanged: 2 });
  });

  it('asks for a retry when a write fails, and the retry writes everything again', async () => {
    const f = fakePorts(['written', new Error('ProvisionedThroughputExceededException')]);
    expect(await applyFeedback(JSON.stringify(bounceRecord()), CONFIG, f.ports)).toMatchObject({ outcome: 'retry', reason: expect.stringContaining('attendee write failed') });
    expect(await applyFeedback(JSON.stringify(bounceRecord()), CONFIG, f.ports)).toMatchObject({ outcome: 'applied', written: 2 });
    expect(f.pks()).toEqual(['suppression#ada@example.com', 'event#evt-1', 'suppression#ada@example.com', 'event#evt-1']);
  });

  it('ignores records that change nothing, writing nothing', async () => {
    const f = fakePorts();
    expect(await applyFeedback(JSON.stringify(deliveryRecord()), CONFIG, f.ports)).toMatchObject({ outcome: 'ignored', summary: { type: 'Delivery' } });
    expect(f.writes).toEqual([]);
  });

  it('drops what is not an SES record, never retrying it', async () => {
    const f = fakePorts();
    expect(await applyFeedback('hello', CONFIG, f.ports)).toMatchObject({ outcome: 'dropped', reason: expect.stringContaining('not JSON') });
    expect(await applyFeedback('{"Type":"Notification","Message":"{}"}', CONFIG, f.ports)).toMatchObject({ outcome: 'dropped' });
    expect(f.writes).toEqual([]);
  });
});
