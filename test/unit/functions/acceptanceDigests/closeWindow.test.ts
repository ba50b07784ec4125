import { describe, expect, it } from 'vitest';
import { closeWindow, type DigestPorts } from '../../../../functions/acceptanceDigests/closeWindow';
import { CLOSE_GRACE_SECONDS, delaySeconds, MAX_DELAY_SECONDS, parseDigestTimer, type DigestTimer } from '../../../../functions/acceptanceDigests/digestTimer';
import { MalformedInputError } from '../../../../functions/lib/errors';
import { acceptanceWindowKey } from '../../../../resolvers/lib/keys';
import type { AcceptanceWindowRecord, NoticeRecord } from '../../../../resolvers/lib/records';

const TIMER: DigestTimer = { organizerId: 'org-1', windowStart: '2030-01-06T09:00:00.000Z', windowEnd: '2030-01-06T10:00:00.000Z' };
const END_MS = Date.parse(TIMER.windowEnd);
const DUE_MS = END_MS + CLOSE_GRACE_SECONDS * 1000;
const ENTRY = { eventId: 'evt-1', eventTitle: 'Launch', email: 'ada@example.com', name: null, comment: null, via: 'API' as const, answeredAt: '2030-01-06T09:30:00.000Z' };

function windowItem(count: number): AcceptanceWindowRecord {
  return { ...acceptanceWindowKey('org-1', TIMER.windowStart), organizerId: 'org-1', windowStart: TIMER.windowStart, windowEnd: TIMER.windowEnd, count, acceptances: [ENTRY], expiresAt: 1 };
}

/** A table holding one window item (or none), whose count may grow between reads. */
function fakePorts(reads: (AcceptanceWindowRecord | null)[]) {
  let current: AcceptanceWindowRecord | null = reads[0] ?? null;
  let read = 0;
  const notices: NoticeRecord[] = [];
  const requeued: number[] = [];
  const ports: DigestPorts = {
    async readWindow() {
      current = reads[Math.min(read, reads.length - 1)] ?? null;
      read += 1;
      return current;
    },
    async closeWith(notice, _timer, count) {
      // Another acceptance landed since the read when the next read shows a higher count.
      const latest = reads[Math.min(read, reads.length - 1)];
      if (!current || (latest && latest.count !== count)) return false;
      notices.push(notice);
      reads.length = 0;
      return true;
    },
    async requeue(_timer, seconds) {
      requeued.push(seconds);
    },
  };
  return { ports, notices, requeued };
}

const clock = (nowMs: number) => ({ nowMs, newId: () => 'notice-1' });

describe('a digest timer', () => {
  it('waits until the window has ended, 15 minutes at a time', async () => {
    const early = fakePorts([windowItem(2)]);
    expect(await closeWindow(TIMER, early.ports, clock(END_MS - 3600_000))).toEqual({ outcome: 'waiting', seconds: MAX_DELAY_SECONDS });
    expect(await closeWindow(TIMER, early.ports, clock(END_MS - 60_000))).toEqual({ outcome: 'waiting', seconds: 60 + CLOSE_GRACE_SECONDS });
    expect(early.requeued).toEqual([MAX_DELAY_SECONDS, 60 + CLOSE_GRACE_SECONDS]);
    expect(early.notices).toEqual([]);
  });

  it('turns an ended window into one ACCEPTANCE_DIGEST notice of its organizer', async () => {
    const { ports, notices } = fakePorts([windowItem(3)]);
    expect(await closeWindow(TIMER, ports, clock(DUE_MS))).toEqual({ outcome: 'closed', noticeId: 'notice-1', count: 3 });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'ACCEPTANCE_DIGEST', organizerId: 'org-1', subject: '3 acceptances for your events', createdAt: new Date(DUE_MS).toISOString() });
  });

  it('does nothing for a window already closed (a second timer, a redelivery) or never written', async () => {
    const { ports, notices } = fakePorts([null]);
    expect(await closeWindow(TIMER, ports, clock(DUE_MS))).toEqual({ outcome: 'nothing' });
    expect(notices).toEqual([]);
  });

  it('reads the window again when an acceptance lands between the read and the close, so none is left out', async () => {
    const { ports, notices } = fakePorts([windowItem(1), windowItem(2), windowItem(2)]);
    expect(await closeWindow(TIMER, ports, clock(DUE_MS))).toMatchObject({ outcome: 'closed', count: 2 });
    expect(notices).toHaveLength(1);
  });

  it('asks for a retry when the window keeps changing', async () => {
    const { ports, notices } = fakePorts([windowItem(1), windowItem(2), windowItem(3), windowItem(4)]);
    expect((await closeWindow(TIMER, ports, clock(DUE_MS))).outcome).toBe('retry');
    expect(notices).toEqual([]);
  });
});

describe('digest timer messages', () => {
  it('are read back from their JSON', () => {
    expect(parseDigestTimer(JSON.stringify(TIMER))).toEqual(TIMER);
  });

  it('are malformed without an organizer or a window time, or when not JSON', () => {
    expect(() => parseDigestTimer('{')).toThrow(MalformedInputError);
    expect(() => parseDigestTimer(JSON.stringify({ ...TIMER, organizerId: '' }))).toThrow(MalformedInputError);
    expect(() => parseDigestTimer(JSON.stringify({ ...TIMER, windowEnd: 'tomorrow' }))).toThrow(MalformedInputError);
    expect(() => parseDigestTimer('null')).toThrow(MalformedInputError);
  });

  it('are delayed until the window’s end plus a grace, never more than SQS allows, never less than 0', () => {
    expect(delaySeconds(TIMER, END_MS - 100_000)).toBe(100 + CLOSE_GRACE_SECONDS);
    expect(delaySeconds(TIMER, END_MS - 7200_000)).toBe(MAX_DELAY_SECONDS);
    expect(delaySeconds(TIMER, END_MS + 3600_000)).toBe(0);
  });
});
