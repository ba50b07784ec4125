// Ingestion's ports in memory: an organizer directory, stored messages, a claim table, and
// startImport / upload / recordEmailRsvp / createEvent / inviteAttendees recorders, event
// requests' claims with progress and notices, each step's failure chosen by the test.
import { vi } from 'vitest';
import { PermanentError } from '../../../../functions/lib/errors';
import type { Claim } from '../../../../functions/lib/sendOnce/sendClaim';
import type { NoticeRecord } from '../../../../resolvers/lib/records';
import type { RequestProgress } from '../../../../functions/requestIngestion/eventRequestClaim';
import type { InviteOutcome } from '../../../../functions/requestIngestion/graphqlEventRequestPort';
import type { StartImportInput } from '../../../../functions/requestIngestion/graphqlImportPort';
import type { EventRequestInput } from '../../../../functions/requestIngestion/parseEventRequest';
import type { RequestAttendee } from '../../../../functions/requestIngestion/requestAttendees';
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
  /** createEvent's answer per call (an Error is thrown); default: event-<n> with the input's title and start. */
  createErrors?: (Error | undefined)[];
  /** saveProgress's failure per call (an Error is thrown); default: none. */
  saveErrors?: (Error | undefined)[];
  /** inviteAttendees' answer per call (an Error is thrown); default: every attendee invited. */
  inviteErrors?: (Error | undefined)[];
  /** putNotice's answer per call (an Error is thrown). */
  noticeErrors?: (Error | undefined)[];
};

export function fakePorts(options: FakeOptions = {}) {
  const claims = new Map<string, { status: string; token: string; reason?: string }>();
  const started: StartImportInput[] = [];
  const uploads: { url: string; headers: Record<string, string>; content: Uint8Array }[] = [];
  let startCalls = 0;
  let uploadCalls = 0;
  const recorded: EmailRsvp[] = [];
  let rsvpCalls = 0;
  const requestClaims = new Map<string, { status: string; token: string; locked: boolean; progress: RequestProgress | null }>();
  const created: { input: EventRequestInput; organizerId: string }[] = [];
  /** The event id each createEvent call named. */
  const createdIds: string[] = [];
  const invites: { eventId: string; attendees: RequestAttendee[]; organizerId: string }[] = [];
  const notices = new Map<string, NoticeRecord>();
  let createCalls = 0;
  let saveCalls = 0;
  let inviteCalls = 0;
  let noticeCalls = 0;
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
    claimRequest: vi.fn(async (claim: Claim) => {
      if (options.claimError) throw options.claimError;
      const current = requestClaims.get(claim.messageId) ?? claims.get(claim.messageId);
      if (current && current.status !== 'SENDING') return { outcome: 'done' as const };
      if (current && 'locked' in current && current.locked) return { outcome: 'inProgress' as const };
      const progress = current && 'progress' in current ? current.progress : null;
      requestClaims.set(claim.messageId, { status: 'SENDING', token: claim.token, locked: true, progress });
      return { outcome: 'claimed' as const, progress };
    }),
    saveProgress: vi.fn(async (claim: Claim, progress: RequestProgress) => {
      const failure = options.saveErrors?.[saveCalls++];
      if (failure) throw failure;
      const current = requestClaims.get(claim.messageId);
      if (current?.token !== claim.token) throw new Error('ConditionalCheckFailedException');
      current.progress = structuredClone(progress);
    }),
    unlockRequest: vi.fn(async (claim: Claim) => {
      const current = requestClaims.get(claim.messageId);
      if (current?.token === claim.token) current.locked = false;
    }),
    putNotice: vi.fn(async (notice: NoticeRecord) => {
      const failure = options.noticeErrors?.[noticeCalls++];
      if (failure) throw failure;
      if (!notices.has(`${notice.pk}|${notice.sk}`)) notices.set(`${notice.pk}|${notice.sk}`, notice);
    }),
    createEvent: vi.fn(async (input: EventRequestInput, organizerId: string, id: string) => {
      const failure = options.createErrors?.[createCalls++];
      if (failure) throw failure;
      // An id asked for before is that event (the API answers Conflict EVENT_EXISTS; the port, the event).
      const before = createdIds.indexOf(id);
      if (before >= 0) return { id: `event-${before + 1}`, title: input.title, startsAt: input.startsAt };
      created.push({ input, organizerId });
      createdIds.push(id);
      return { id: `event-${created.length}`, title: input.title, startsAt: input.startsAt };
    }),
    inviteAttendees: vi.fn(async (eventId: string, attendees: RequestAttendee[], organizerId: string): Promise<InviteOutcome> => {
      const failure = options.inviteErrors?.[inviteCalls++];
      if (failure) throw failure;
      invites.push({ eventId, attendees, organizerId });
      return { invited: attendees.map((a) => ({ email: a.email })), duplicates: [], invalid: [], rejected: [] };
    }),
  };
  // finish and release act on event requests' claims as well (one table in production).
  const finish = ports.finish;
  ports.finish = vi.fn(async (claim: Claim, status: 'SENT' | 'DROPPED', facts: { reason?: string }) => {
    const current = requestClaims.get(claim.messageId);
    if (current) current.status = status;
    else await finish(claim, status, facts);
  });
  const release = ports.release;
  ports.release = vi.fn(async (claim: Claim) => {
    if (requestClaims.get(claim.messageId)?.token === claim.token) requestClaims.delete(claim.messageId);
    else await release(claim);
  });
  return { ports, claims, requestClaims, started, uploads, recorded, created, createdIds, invites, notices: () => [...notices.values()], warn: vi.fn() };
}
