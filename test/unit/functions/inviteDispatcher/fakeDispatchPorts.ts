// The dispatcher's ports over an in-memory table (send-once claims, attendee updates) and a
// fake SES that keeps what it was asked to send, with each step's failure chosen by the test.
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { vi } from 'vitest';
import type { DeliveryUpdate, DispatchConfig, DispatchPorts } from '../../../../functions/inviteDispatcher/dispatchMail';
import type { MailFacts } from '../../../../functions/inviteDispatcher/planMail';
import type { Claim, ClaimOutcome } from '../../../../functions/lib/sendOnce/sendClaim';
import type { DispatchMessage } from '../../../../resolvers/lib/dispatch';
import { makeAttendee, makeEvent } from './dispatchFixtures';

export const KEY = Buffer.from('k'.repeat(64));
export const NOW = Date.parse('2030-01-06T09:00:00.000Z');
export const CONFIG: DispatchConfig = {
  table: 'table',
  sender: 'invites@calendar.example',
  rsvpAddress: 'rsvp@calendar.example',
  linksUrl: 'https://links.calendar.example/',
  leaseMs: 40_000,
  now: () => NOW,
  newToken: () => 'token-1',
};

export type FakeOptions = {
  /** Thrown by every send, or by the sends this function picks. */
  sendError?: Error | ((input: SendEmailCommandInput) => Error | undefined);
  /** What every claim answers instead of the in-memory table's outcome. */
  existing?: ClaimOutcome;
  /** The table as each message finds it (default: the same facts for every message). */
  factsFor?: (message: DispatchMessage) => MailFacts;
  factsError?: Error;
  claimError?: Error;
  finishError?: Error;
  releaseError?: Error;
  recordError?: Error;
};

export function fakePorts(table: Partial<MailFacts> = {}, options: FakeOptions = {}) {
  const facts: MailFacts = { event: makeEvent(), attendee: makeAttendee(), suppression: null, ...table };
  const claims = new Map<string, { status: string; token: string; sesMessageId?: string; reason?: string }>();
  const sent: SendEmailCommandInput[] = [];
  const recorded: DeliveryUpdate[] = [];
  const ports: DispatchPorts = {
    facts: vi.fn(async (message: DispatchMessage) => {
      if (options.factsError) throw options.factsError;
      return options.factsFor ? options.factsFor(message) : facts;
    }),
    organizer: vi.fn(async (id: string) => ({ id, email: 'ada@example.com' })),
    tokenKey: vi.fn(async () => KEY),
    claim: vi.fn(async (claim: Claim) => {
      if (options.claimError) throw options.claimError;
      if (options.existing && options.existing !== 'claimed') return options.existing;
      const current = claims.get(claim.messageId);
      if (current) return current.status === 'SENDING' ? 'inProgress' : 'done';
      claims.set(claim.messageId, { status: 'SENDING', token: claim.token });
      return 'claimed';
    }),
    send: vi.fn(async (input: SendEmailCommandInput) => {
      const error = typeof options.sendError === 'function' ? options.sendError(input) : options.sendError;
      if (error) throw error;
      sent.push(input);
      return `ses-${sent.length}`;
    }),
    finish: vi.fn(async (claim: Claim, status: string, more: { sesMessageId?: string; reason?: string }) => {
      if (options.finishError) throw options.finishError;
      claims.set(claim.messageId, { status, token: claim.token, ...more });
    }),
    release: vi.fn(async (claim: Claim) => {
      if (options.releaseError) throw options.releaseError;
      if (claims.get(claim.messageId)?.token === claim.token) claims.delete(claim.messageId);
    }),
    recordDelivery: vi.fn(async (_eventId: string, _email: string, update: DeliveryUpdate) => {
      if (options.recordError) throw options.recordError;
      recorded.push(update);
    }),
  };
  return { ports, facts, claims, sent, recorded, log: vi.fn() };
}
