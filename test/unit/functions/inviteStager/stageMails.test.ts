import { describe, expect, it, vi } from 'vitest';
import type { StagingRequest } from '../../../../functions/inviteStager/parseNotification';
import { dispatchMessage, stageMails, type Checkpoint, type StagingPorts } from '../../../../functions/inviteStager/stageMails';
import type { DispatchMessage } from '../../../../resolvers/lib/dispatch';

const UPDATE: StagingRequest = { type: 'EVENT_UPDATED', eventId: 'evt-1', sequence: 3, messageId: 'EVENT_UPDATED#evt-1#3' };
const CANCEL: StagingRequest = { type: 'EVENT_CANCELLATION_REQUEST', eventId: 'evt-1', sequence: 4, messageId: 'EVENT_CANCELLATION_REQUEST#evt-1#4' };

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `guest${String(i).padStart(2, '0')}@example.com`);

/**
 * Ports over `attendees` read `pageSize` at a time (the page key is the last address read, as
 * DynamoDB's LastEvaluatedKey), with checkpoints in a map and queued messages in a list.
 */
function fakePorts(attendees: string[], options: { pageSize?: number; failQueueAt?: number; saved?: Checkpoint } = {}) {
  const pageSize = options.pageSize ?? 2;
  const checkpoints = new Map<string, Checkpoint>();
  if (options.saved) checkpoints.set(UPDATE.messageId, options.saved);
  const queued: DispatchMessage[][] = [];
  let queueCalls = 0;
  const ports: StagingPorts = {
    checkpoint: vi.fn(async (request) => checkpoints.get(request.messageId) ?? null),
    saveCheckpoint: vi.fn(async (request, checkpoint) => void checkpoints.set(request.messageId, checkpoint)),
    attendees: vi.fn(async (_eventId, start) => {
      const from = start ? attendees.indexOf(start.sk as string) + 1 : 0;
      const page = attendees.slice(from, from + pageSize);
      const next = from + pageSize < attendees.length ? { pk: 'event#evt-1', sk: page.at(-1)! } : undefined;
      return { attendees: page.map((email) => ({ email })), next };
    }),
    queue: vi.fn(async (messages) => {
      queueCalls += 1;
      if (queueCalls === options.failQueueAt) throw new Error('1 of 2 dispatch messages were not queued');
      queued.push(messages);
    }),
  };
  const all = () => queued.flat().map((m) => m.email);
  return { ports, checkpoints, queued, all };
}

describe('stageMails', () => {
  it('queues an update (REQUEST UPDATED, the new SEQUENCE) for every attendee, page by page, saving the position after each', async () => {
    const f = fakePorts(addresses(5));
    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 5 });
    expect(f.queued.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(f.all()).toEqual(addresses(5));
    expect(f.queued[0]![0]).toEqual({ kind: 'REQUEST', reason: 'UPDATED', eventId: 'evt-1', email: 'guest00@example.com', sequence: 3 });
    expect(vi.mocked(f.ports.saveCheckpoint).mock.calls.map(([, checkpoint]) => checkpoint)).toEqual([
      { next: { pk: 'event#evt-1', sk: 'guest01@example.com' }, queued: 2, done: false },
      { next: { pk: 'event#evt-1', sk: 'guest03@example.com' }, queued: 4, done: false },
      { next: undefined, queued: 5, done: true },
    ]);
  });

  it('queues a cancellation (CANCEL EVENT_CANCELLED) for every attendee, whatever their answer', async () => {
    const f = fakePorts(addresses(3));
    expect(await stageMails(CANCEL, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 3 });
    expect(f.queued.flat()).toEqual(addresses(3).map((email) => ({ kind: 'CANCEL', reason: 'EVENT_CANCELLED', eventId: 'evt-1', email, sequence: 4 })));
    expect(vi.mocked(f.ports.checkpoint)).toHaveBeenCalledWith(CANCEL);
  });

  it('answers duplicate for a staging already done, queueing nothing', async () => {
    const f = fakePorts(addresses(3));
    await stageMails(UPDATE, f.ports, () => true);
    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'duplicate', queued: 3 });
    expect(f.all()).toHaveLength(3);
  });

  it('pauses when time runs short, before reading another page, and resumes from the saved page', async () => {
    const f = fakePorts(addresses(5));
    let pages = 0;
    const hasTime = () => pages++ < 1;
    expect(await stageMails(UPDATE, f.ports, hasTime)).toEqual({ outcome: 'paused', queued: 4 });
    expect(f.all()).toEqual(addresses(4));
    expect(f.checkpoints.get(UPDATE.messageId)).toEqual({ next: { pk: 'event#evt-1', sk: 'guest03@example.com' }, queued: 4, done: false });

    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 5 });
    expect(f.all()).toEqual(addresses(5));
  });

  it('always stages the first page of a receive, even with little time left (each receive makes progress)', async () => {
    const f = fakePorts(addresses(3));
    expect(await stageMails(UPDATE, f.ports, () => false)).toEqual({ outcome: 'paused', queued: 2 });
    expect(await stageMails(UPDATE, f.ports, () => false)).toEqual({ outcome: 'staged', queued: 3 });
    expect(f.all()).toEqual(addresses(3));
  });

  it('fails when a page cannot be queued, and the retry queues that page again from the last checkpoint', async () => {
    const f = fakePorts(addresses(5), { failQueueAt: 2 });
    await expect(stageMails(UPDATE, f.ports, () => true)).rejects.toThrow('not queued');
    expect(f.checkpoints.get(UPDATE.messageId)).toMatchObject({ queued: 2, done: false });
    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 5 });
    expect(f.all()).toEqual(addresses(5));
  });

  it('resumes from a checkpoint another receive saved', async () => {
    const f = fakePorts(addresses(5), { saved: { next: { pk: 'event#evt-1', sk: 'guest02@example.com' }, queued: 3, done: false } });
    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 5 });
    expect(f.all()).toEqual(['guest03@example.com', 'guest04@example.com']);
    expect(vi.mocked(f.ports.attendees).mock.calls[0]).toEqual(['evt-1', { pk: 'event#evt-1', sk: 'guest02@example.com' }]);
  });

  it('stages an event without attendees as done, queueing an empty page', async () => {
    const f = fakePorts([]);
    expect(await stageMails(UPDATE, f.ports, () => true)).toEqual({ outcome: 'staged', queued: 0 });
    expect(f.checkpoints.get(UPDATE.messageId)).toEqual({ next: undefined, queued: 0, done: true });
  });
});

describe('dispatchMessage', () => {
  it('is a REQUEST UPDATED for an update and a CANCEL EVENT_CANCELLED for a cancellation, with the SEQUENCE staged', () => {
    expect(dispatchMessage(UPDATE, 'a@example.com')).toEqual({ kind: 'REQUEST', reason: 'UPDATED', eventId: 'evt-1', email: 'a@example.com', sequence: 3 });
    expect(dispatchMessage(CANCEL, 'a@example.com')).toEqual({ kind: 'CANCEL', reason: 'EVENT_CANCELLED', eventId: 'evt-1', email: 'a@example.com', sequence: 4 });
  });
});
