import { describe, expect, it } from 'vitest';
import { ADDRESS_PATTERNS, addressParts, cleanName, newAttendeeRecord, normalizeAddress, parseInvitees, sortInvitees, utcDay } from '../../../../resolvers/lib/invites';
import type { AttendeeRecord, SuppressionRecord } from '../../../../resolvers/lib/records';

// What the resolver does with util.matches, with JavaScript's RegExp (the patterns are Java's and JavaScript's alike).
const checksOf = (raw: string) => {
  const parts = addressParts(raw);
  return { localPart: new RegExp(ADDRESS_PATTERNS.localPart).test(parts.localPart), domain: new RegExp(ADDRESS_PATTERNS.domain).test(parts.domain) };
};
const parse = (inputs: { email: string; name?: string }[]) => parseInvitees(inputs, inputs.map((input) => checksOf(input.email)));

describe('normalizeAddress', () => {
  it('trims and lower-cases the domain, keeping the local part as given', () => {
    expect(normalizeAddress('  Ada.Lovelace@Example.COM ', checksOf('  Ada.Lovelace@Example.COM '))).toEqual({ email: 'Ada.Lovelace@example.com' });
  });

  it.each([
    ['ada', 'not an email address'],
    ['@example.com', 'not an email address'],
    ['ada@', 'not an email address'],
    ['a..b@example.com', 'characters an address cannot have'],
    ['ada lovelace@example.com', 'characters an address cannot have'],
    ['ada@example', 'is not a domain name'],
    ['ada@-example.com', 'is not a domain name'],
    ['ada@[127.0.0.1]', 'is not a domain name'],
    [`${'a'.repeat(65)}@example.com`, 'longer than 64'],
    ['ada\r\nBcc: x@evil.com@example.com', 'characters an address cannot have'],
  ])('refuses %j', (raw, reason) => {
    const out = normalizeAddress(raw, checksOf(raw));
    expect(out.reason).toContain(reason);
  });

  it('accepts plus addressing and atext', () => {
    expect(normalizeAddress("o'brien+events@mail.example.co.uk", checksOf("o'brien+events@mail.example.co.uk"))).toEqual({ email: "o'brien+events@mail.example.co.uk" });
  });
});

describe('cleanName', () => {
  it('turns control characters into spaces and collapses them', () => {
    expect(cleanName(' Ada\r\nBcc: x\u0000 \u2028Lovelace\t ')).toBe('Ada Bcc: x Lovelace');
  });
  it('gives null for nothing', () => {
    expect(cleanName('  \n ')).toBeNull();
    expect(cleanName(undefined)).toBeNull();
  });
});

describe('parseInvitees', () => {
  it('keeps valid invitees in order and reports invalid ones and repeats in the call', () => {
    const out = parse(
      [
        { email: 'ada@example.com', name: 'Ada' },
        { email: 'bad' },
        { email: 'ADA@EXAMPLE.com', name: 'Ada again' },
        { email: 'bob@example.com', name: 'x'.repeat(201) },
        { email: 'cy@example.com' },
      ]
    );
    expect(out.valid).toEqual([
      { email: 'ada@example.com', name: 'Ada', key: 'ada@example.com' },
      { email: 'cy@example.com', name: null, key: 'cy@example.com' },
    ]);
    expect(out.invalid.map((i) => i.email)).toEqual(['bad', 'bob@example.com']);
    expect(out.duplicates).toEqual([{ email: 'ADA@example.com', reason: 'listed more than once in this call' }]);
  });
});

describe('sortInvitees', () => {
  const invitees = parse(
    ['old@example.com', 'bounced@example.com', 'spam@example.com', 'unsub@example.com', 'other-unsub@example.com', 'new@example.com'].map((email) => ({ email }))
  ).valid;
  const existing = [{ email: 'Old@Example.com' } as AttendeeRecord];
  const suppressions = [
    { email: 'bounced@example.com', reason: 'BOUNCED' },
    { email: 'spam@example.com', reason: 'COMPLAINED' },
    { email: 'unsub@example.com', unsubscribedFrom: ['org-1'] },
    { email: 'other-unsub@example.com', unsubscribedFrom: ['org-2'] },
  ] as SuppressionRecord[];

  it('reports attendees already invited as duplicates and suppressed addresses as rejected, with reasons', () => {
    const out = sortInvitees(invitees, existing, suppressions, 'org-1');
    expect(out.toInvite.map((i) => i.email)).toEqual(['other-unsub@example.com', 'new@example.com']);
    expect(out.duplicates).toEqual([{ email: 'old@example.com', reason: 'already invited to this event' }]);
    expect(out.rejected.map((r) => [r.email, r.reason.split(':')[0]])).toEqual([
      ['bounced@example.com', 'mail to this address bounced'],
      ['spam@example.com', 'this address marked our mail as spam'],
      ['unsub@example.com', "this address unsubscribed from the organizer's invitations"],
    ]);
  });
});

describe('newAttendeeRecord', () => {
  it('keys the attendee by normalized address under the event, waiting for an answer, queued', () => {
    const a = newAttendeeRecord({ id: 'e1', organizerId: 'org-1' }, { email: 'Ada@example.com', name: 'Ada', key: 'ada@example.com' }, '2030-01-01T00:00:00.000Z', 'API');
    expect(a).toMatchObject({ pk: 'event#e1', sk: 'attendee#ada@example.com', email: 'Ada@example.com', status: 'NEEDS_ACTION', delivery: { state: 'QUEUED', attempts: 0 } });
  });
});

describe('utcDay', () => {
  it('is the date part of a UTC instant', () => {
    expect(utcDay('2030-01-01T23:59:59.999Z')).toBe('2030-01-01');
  });
});
