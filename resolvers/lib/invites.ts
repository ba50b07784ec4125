// inviteAttendees' rules as plain data: addresses normalized and validated, names cleaned,
// duplicates (in the call, or already invited) and refused addresses (bounced, complained,
// unsubscribed from this organizer) sorted out, each with a reason.
import { attendeeKey, normalizeEmail } from './keys';
import type { AttendeeRecord, EventRecord, SuppressionRecord } from './records';

export const INVITE_LIMITS = {
  /** Attendees per inviteAttendees call. */
  perCall: 100,
  nameMaxLength: 200,
  /** RFC 5321 section 4.5.3.1: 64 octets of local part, 254 of address in a path. */
  localPartMaxLength: 64,
  emailMaxLength: 254,
} as const;

export type InviteeInput = { email: string; name?: string | null };
export type Invitee = { email: string; name: string | null; key: string };
export type InviteIssue = { email: string; reason: string };

/**
 * Patterns (Java and JavaScript alike): a dot-atom local part (RFC 5322 atext, dots between
 * atoms) and a domain of LDH labels with a letter-only TLD (no IP literals). APPSYNC_JS has
 * neither regular expressions nor function arguments, so the caller matches the parts of
 * each address (`util.matches` in a resolver) and passes the verdicts in.
 */
export const ADDRESS_PATTERNS = {
  localPart: "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$",
  domain: '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
} as const;

/** An address trimmed and split at its last @, the domain lower-cased (either part may be empty). */
export function addressParts(raw: string): { localPart: string; domain: string } {
  const text = raw.trim();
  const at = text.lastIndexOf('@');
  return at < 0 ? { localPart: text, domain: '' } : { localPart: text.slice(0, at), domain: text.slice(at + 1).toLowerCase() };
}

/** Whether each part of `addressParts(raw)` matches its ADDRESS_PATTERNS entry. */
export type AddressChecks = { localPart: boolean; domain: boolean };

/** The address trimmed with its domain lower-cased, or why it is not one. */
export function normalizeAddress(raw: string, checks: AddressChecks): { email: string; reason?: undefined } | { reason: string; email?: undefined } {
  const { localPart, domain } = addressParts(raw);
  if (localPart.length === 0 || domain.length === 0 || raw.indexOf('@') < 0) return { reason: 'not an email address (local@domain)' };
  if (localPart.length > INVITE_LIMITS.localPartMaxLength) return { reason: `the part before @ is longer than ${INVITE_LIMITS.localPartMaxLength} characters` };
  if (!checks.localPart) return { reason: 'the part before @ has characters an address cannot have' };
  if (!checks.domain) return { reason: `"${domain}" is not a domain name` };
  const email = `${localPart}@${domain}`;
  if (email.length > INVITE_LIMITS.emailMaxLength) return { reason: `longer than ${INVITE_LIMITS.emailMaxLength} characters` };
  return { email };
}

/**
 * A display name safe for mail headers and calendar lines: control characters (C0, DEL, C1,
 * line and paragraph separators) become spaces, runs of spaces collapse; empty means none.
 */
export function cleanName(raw: string | null | undefined): string | null {
  const cleaned = (raw ?? '')
    .split('')
    // Compared as strings: APPSYNC_JS has no charCodeAt.
    .map((c) => (c < ' ' || (c >= '\u007f' && c < '\u00a0') || c === '\u2028' || c === '\u2029' ? ' ' : c))
    .join('')
    .split(' ')
    .filter((part) => part.length > 0)
    .join(' ');
  return cleaned.length > 0 ? cleaned : null;
}

export type ParsedInvitees = { valid: Invitee[]; invalid: InviteIssue[]; duplicates: InviteIssue[] };

/** The call's list: valid invitees in order, invalid ones, and repeats within the call; `checks[i]` is for `inputs[i]`. */
export function parseInvitees(inputs: InviteeInput[], checks: AddressChecks[]): ParsedInvitees {
  const valid: Invitee[] = [];
  const invalid: InviteIssue[] = [];
  const duplicates: InviteIssue[] = [];
  const seen: Record<string, boolean> = {};
  inputs.forEach((input, i) => {
    const address = normalizeAddress(input.email, checks[i]);
    if (address.reason !== undefined) {
      invalid.push({ email: input.email, reason: address.reason });
      return;
    }
    const name = cleanName(input.name);
    if (name !== null && name.length > INVITE_LIMITS.nameMaxLength) {
      invalid.push({ email: address.email, reason: `name longer than ${INVITE_LIMITS.nameMaxLength} characters` });
      return;
    }
    const key = normalizeEmail(address.email);
    if (seen[key]) {
      duplicates.push({ email: address.email, reason: 'listed more than once in this call' });
      return;
    }
    seen[key] = true;
    valid.push({ email: address.email, name, key });
  });
  return { valid, invalid, duplicates };
}

export type SortedInvitees = { toInvite: Invitee[]; duplicates: InviteIssue[]; rejected: InviteIssue[] };

/**
 * What the table says about each valid invitee: already an attendee (a duplicate, never sent
 * again), or an address that bounced, complained or unsubscribed from this organizer (refused).
 */
export function sortInvitees(valid: Invitee[], existing: AttendeeRecord[], suppressions: SuppressionRecord[], organizerId: string): SortedInvitees {
  const invited: Record<string, boolean> = {};
  existing.forEach((a) => {
    invited[normalizeEmail(a.email)] = true;
  });
  const suppressed: Record<string, SuppressionRecord> = {};
  suppressions.forEach((s) => {
    suppressed[normalizeEmail(s.email)] = s;
  });
  const toInvite: Invitee[] = [];
  const duplicates: InviteIssue[] = [];
  const rejected: InviteIssue[] = [];
  valid.forEach((invitee) => {
    if (invited[invitee.key]) {
      duplicates.push({ email: invitee.email, reason: 'already invited to this event' });
      return;
    }
    const s = suppressed[invitee.key];
    if (s && s.reason === 'BOUNCED') {
      rejected.push({ email: invitee.email, reason: 'mail to this address bounced: it is suppressed' });
      return;
    }
    if (s && s.reason === 'COMPLAINED') {
      rejected.push({ email: invitee.email, reason: 'this address marked our mail as spam: it is suppressed' });
      return;
    }
    if (s && (s.unsubscribedFrom ?? []).indexOf(organizerId) >= 0) {
      rejected.push({ email: invitee.email, reason: "this address unsubscribed from the organizer's invitations" });
      return;
    }
    toInvite.push(invitee);
  });
  return { toInvite, duplicates, rejected };
}

export function newAttendeeRecord(event: Pick<EventRecord, 'id' | 'organizerId'>, invitee: Invitee, now: string, source: AttendeeRecord['source']): AttendeeRecord {
  return {
    ...attendeeKey(event.id, invitee.email),
    eventId: event.id,
    organizerId: event.organizerId,
    email: invitee.email,
    name: invitee.name,
    status: 'NEEDS_ACTION',
    delivery: { state: 'QUEUED', attempts: 0, sequence: null, messageId: null, sentAt: null, lastError: null },
    source,
    invitedAt: now,
    updatedAt: now,
  };
}

/** Attendees per transaction besides its three counters (event, day, organizer): DynamoDB allows 100 items. */
export const ATTENDEES_PER_TRANSACTION = 97;

/** The UTC day (`yyyy-mm-dd`) of an ISO 8601 instant: the daily limit's bucket. */
export function utcDay(isoInstant: string): string {
  return isoInstant.slice(0, 10);
}
