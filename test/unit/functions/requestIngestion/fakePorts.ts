// Ingestion's ports in memory: an organizer directory, stored messages, a claim table, and
// startImport / upload / recordEmailRsvp recorders, each step's failure chosen by the test.
import { vi } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import type { Claim } from '../../../../functions/lib/sendOnce/sendClaim';
import type { StartImportInput } from '../../../../functions/requestIngestion/graphqlImportPort';
import type { IngestionConfig, IngestionPorts } from '../../../../functions/requestIngestion/ingestMail';
import type { EmailRsvp } from '../../../../functions/requestIngestion/matchReply';
import { INBOUND_BUCKET, REQUESTS, RSVP } from './harness';

export const CONFIG: IngestionConfig = {
  table: 'table',
  addresses: { requests: REQUESTS, rsvp: RSVP },
  inboundBucket: INBOUND_BUCKET,
  leaseMs: 70_000,
  now: () => 1_000,
  newToken: () => 'token-1',
};

export type FakeOptions = {
  organizers?: Record<string, { id: string; status: string | null }>;
  messages?: Record<string, Uint8Array>;
  lookupError?: Error;
  loadError?: Error;
  claimError?: Error;
  /** startImport's answer per call (an Error is thrown); default: a new job each call. */
  startErrors?: (Error | undefined)[];
  uploadErrors?: (Error | undefined)[];
  /** recordEmailRsvp's answer per call (an Error is thrown); default: the attendee with the response as status. */
  rsvpErrors?: (Error | undefined)[];
};

export function fakePorts(options: FakeOptions = {}) {
  const claims = new Map<string, { status: string; token: string; reason?: string }>();
  const started: StartImportInput[] = [];
  const uploads: { url: string; headers: Record<string, string>; content: Uint8Array }[] = [];
  let startCalls = 0;
  let uploadCalls = 0;
  const recorded: EmailRsvp[] = [];
  let rsvpCalls = 0;
  const organizers = options.organizers ?? { 'ada@example.org': { id: 'org-1', status: 'ACTIVE' } };
  const ports: IngestionPorts = {
    organizerIdByEmail: vi.fn(async (email: string) => {
      if (options.lookupError) throw options.lookupError;
      return organizers[email]?.id ?? null;
    }),
    organizerStatus: vi.fn(async (id: string) => Object.values(organizers).find((o) => o.id === id)?.status ?? null),
    loadMessage: vi.fn(async (stored: { bucket: string; key: string }) => {
      if (options.loadError) throw options.loadError;
      const raw = options.messages?.[stored.key];
      if (!raw) throw new PermanentError(`The stored message ${stored.key} is gone (NoSuchKey).`);
      return raw;
    }),
    claim: vi.fn(async (claim: Claim) => {
      if (options.claimError) throw options.claimError;
      const current = claims.get(claim.messageId);
      if (current) return current.status === 'SENDING' ? 'inProgress' : 'done';
      claims.set(claim.messageId, { status: 'SENDING', token: claim.token });
      return 'claimed';
    }),
    finish: vi.fn(async (claim: Claim, status: string, facts: { reason?: string }) => {
      claims.set(claim.messageId, { status, token: claim.token, reason: facts.reason });
    }),
    release: vi.fn(async (claim: Claim) => {
      if (claims.get(claim.messageId)?.token === claim.token) claims.delete(claim.messageId);
    }),
    startImport: vi.fn(async (input: StartImportInput) => {
      const failure = options.startErrors?.[startCalls++];
      if (failure) throw failure;
      started.push(input);
      return { jobId: `job-${started.length}`, uploadUrl: `https://imports.example/${started.length}`, uploadHeaders: { 'content-type': 'text/csv' } };
    }),
    upload: vi.fn(async (url: string, headers: Record<string, string>, content: Uint8Array) => {
      const failure = options.uploadErrors?.[uploadCalls++];
      if (failure) throw failure;
      uploads.push({ url, headers, content });
    }),
    recordEmailRsvp: vi.fn(async (rsvp: EmailRsvp) => {
      const failure = options.rsvpErrors?.[rsvpCalls++];
      if (failure) throw failure;
      recorded.push(rsvp);
      return { status: rsvp.response };
    }),
  };
  return { ports, claims, started, uploads, recorded, warn: vi.fn() };
}
