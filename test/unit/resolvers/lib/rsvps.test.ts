import { describe, expect, it } from 'vitest';
import { cleanComment, isStaleReply, organizerStatField, statusOf } from '../../../../resolvers/lib/rsvps';

describe('isStaleReply (RFC 5546 section 2.1.5: SEQUENCE, then DTSTAMP)', () => {
  const recorded = { sequence: 2, dtstampMs: Date.parse('2030-01-01T10:00:00Z') };
  it('takes any reply when nothing is recorded', () => {
    expect(isStaleReply(null, 0, 0)).toBe(false);
  });
  it('refuses a lower SEQUENCE whatever its DTSTAMP, and takes a higher one', () => {
    expect(isStaleReply(recorded, 1, Date.parse('2031-01-01T00:00:00Z'))).toBe(true);
    expect(isStaleReply(recorded, 3, Date.parse('2029-01-01T00:00:00Z'))).toBe(false);
  });
  it('at the same SEQUENCE, takes only a later DTSTAMP (the same reply again is stale)', () => {
    expect(isStaleReply(recorded, 2, recorded.dtstampMs + 1)).toBe(false);
    expect(isStaleReply(recorded, 2, recorded.dtstampMs)).toBe(true);
    expect(isStaleReply(recorded, 2, recorded.dtstampMs - 1)).toBe(true);
  });
});

describe('answers', () => {
  it('become the attendee status and the organizer statistic of the same name', () => {
    expect(statusOf('TENTATIVE')).toBe('TENTATIVE');
    expect(organizerStatField('ACCEPTED')).toBe('rsvpsAccepted');
    expect(organizerStatField('DECLINED')).toBe('rsvpsDeclined');
    expect(organizerStatField('TENTATIVE')).toBe('rsvpsTentative');
  });
  it('keep a trimmed comment, or none', () => {
    expect(cleanComment('  see you  ')).toBe('see you');
    expect(cleanComment('   ')).toBeNull();
    expect(cleanComment(undefined)).toBeNull();
  });
});
