// Shared by the importer's tests: a CSV as S3 would stream it, and a fake invite port that
// answers like inviteAttendees.
import { Readable } from 'node:stream';
import { InviteRefusedError } from '../../../../functions/importer/errors';
import type { ImportPorts } from '../../../../functions/importer/importCsv';
import type { ImportSummary } from '../../../../functions/importer/importSummary';
import type { InviteCandidate, InviteOutcome } from '../../../../functions/importer/invitePort';

/** `text` as UTF-8 bytes in pieces of `chunkBytes` (default: one piece), optionally behind a BOM. */
export function csvSource(text: string, options: { chunkBytes?: number; bom?: boolean } = {}): Readable {
  const bytes = Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const size = options.chunkBytes ?? Math.max(bytes.length, 1);
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

/** A CSV with a header and one row per address (`name` column filled with "Person <i>"). */
export function csvOf(emails: string[], header = 'email,name'): string {
  return [header, ...emails.map((email, i) => `${email},Person ${i + 1}`)].join('\n') + '\n';
}

export function addresses(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => `guest${from + i}@example.com`);
}

export type FakeInviteOptions = {
  /** Addresses the table already has: reported as duplicates. */
  alreadyInvited?: string[];
  /** Addresses on the suppression list: rejected. */
  suppressed?: string[];
  /** Invitations the event still takes: a chunk that would pass it is refused with LimitExceeded. */
  room?: number;
  /** Calls (1-based) that fail with a retryable error. */
  failOnCalls?: number[];
};

/** Ports over an in-memory event: every call and progress summary is recorded. */
export function fakePorts(options: FakeInviteOptions = {}) {
  const invitedSoFar = new Set((options.alreadyInvited ?? []).map((e) => e.toLowerCase()));
  const suppressed = new Set((options.suppressed ?? []).map((e) => e.toLowerCase()));
  const calls: InviteCandidate[][] = [];
  const progress: ImportSummary[] = [];
  let room = options.room ?? Number.POSITIVE_INFINITY;
  const ports: ImportPorts = {
    async invite(chunk) {
      calls.push(chunk);
      if (options.failOnCalls?.includes(calls.length)) throw new Error('socket hang up');
      const outcome: InviteOutcome = { invited: [], duplicates: [], invalid: [], rejected: [] };
      const fresh = chunk.filter((c) => !invitedSoFar.has(c.email.toLowerCase()) && !suppressed.has(c.email.toLowerCase()));
      if (fresh.length > room) {
        throw new InviteRefusedError(`Inviting ${fresh.length} more would take "Launch" past the most invitations an event may have. Nobody was invited.`, 'LimitExceeded', {
          limit: 'maxInvitationsPerEvent',
          requested: fresh.length,
        });
      }
      for (const c of chunk) {
        const key = c.email.toLowerCase();
        if (invitedSoFar.has(key)) outcome.duplicates.push({ email: c.email, reason: 'already invited to this event' });
        else if (suppressed.has(key)) outcome.rejected.push({ email: c.email, reason: 'mail to this address bounced: it is suppressed' });
        else {
          invitedSoFar.add(key);
          outcome.invited.push({ email: c.email });
        }
      }
      room -= outcome.invited.length;
      return outcome;
    },
    async progress(summary) {
      progress.push(summary);
    },
  };
  return { ports, calls, progress, invited: invitedSoFar };
}

/** Every non-blank row lands in one bucket. */
export function bucketsAddUp(summary: ImportSummary): boolean {
  const t = summary.totals;
  return t.rows === t.invited + t.duplicates + t.invalid + t.rejected + t.notInvited;
}
