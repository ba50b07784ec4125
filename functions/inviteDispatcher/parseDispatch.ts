// An invite-dispatch message body, checked against resolvers/lib/dispatch.ts: anything else
// is malformed (a retry cannot fix it), and the error says what is wrong.
import type { DispatchMessage } from '../../resolvers/lib/dispatch';
import { MalformedInputError } from '../lib/errors';

const KINDS: readonly unknown[] = ['REQUEST', 'CANCEL'] satisfies DispatchMessage['kind'][];
const REASONS: readonly unknown[] = ['INVITED', 'UPDATED', 'EVENT_CANCELLED', 'REMOVED'] satisfies DispatchMessage['reason'][];

export function parseDispatch(body: string): DispatchMessage {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new MalformedInputError('the message is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedInputError('the message is not a JSON object');
  const m = value as Record<string, unknown>;
  const fail = (field: string, expected: string) => {
    throw new MalformedInputError(`${field} must be ${expected}`);
  };
  if (!KINDS.includes(m.kind)) fail('kind', 'REQUEST or CANCEL');
  if (!REASONS.includes(m.reason)) fail('reason', 'INVITED, UPDATED, EVENT_CANCELLED or REMOVED');
  if (typeof m.eventId !== 'string' || m.eventId.length === 0) fail('eventId', 'a non-empty string');
  if (typeof m.email !== 'string' || !m.email.includes('@')) fail('email', 'an address');
  if (!Number.isInteger(m.sequence) || (m.sequence as number) < 0) fail('sequence', 'an integer of 0 or more');
  if (m.name !== undefined && m.name !== null && typeof m.name !== 'string') fail('name', 'a string or null');
  if (m.invitedAt !== undefined && m.invitedAt !== null && typeof m.invitedAt !== 'string') fail('invitedAt', 'a string or null');
  if ((m.kind === 'CANCEL') !== (m.reason === 'EVENT_CANCELLED' || m.reason === 'REMOVED')) fail('reason', `one that goes with ${String(m.kind)}`);
  return m as DispatchMessage;
}
