import { describe, expect, it } from 'vitest';
import { attendeeToken, readAttendeeToken, readUnsubscribeToken, unsubscribeToken } from '../../../../../functions/lib/tokens/attendeeTokens';

const key = Buffer.from('k'.repeat(64));
const otherKey = Buffer.from('x'.repeat(64));

describe('attendee tokens', () => {
  it('name the event and the normalized address, and are the same each time', () => {
    const token = attendeeToken(key, 'evt-1', ' Grace@Example.COM ');
    expect(readAttendeeToken(key, token)).toEqual({ eventId: 'evt-1', email: 'grace@example.com' });
    expect(attendeeToken(key, 'evt-1', 'grace@example.com')).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('are refused under another key, altered, truncated, or for another purpose', () => {
    const token = attendeeToken(key, 'evt-1', 'grace@example.com');
    expect(readAttendeeToken(otherKey, token)).toBeNull();
    const forged = `a${Buffer.from(JSON.stringify(['evt-1', 'ada@example.com'])).toString('base64url')}${token.slice(token.indexOf('.'))}`;
    expect(readAttendeeToken(key, forged)).toBeNull();
    expect(readAttendeeToken(key, token.slice(0, -2))).toBeNull();
    expect(readAttendeeToken(key, '')).toBeNull();
    expect(readAttendeeToken(key, 'a.b')).toBeNull();
    expect(readUnsubscribeToken(key, `u${token.slice(1)}`)).toBeNull();
  });

  it('differ by event and by address', () => {
    expect(attendeeToken(key, 'evt-1', 'a@example.com')).not.toBe(attendeeToken(key, 'evt-2', 'a@example.com'));
    expect(attendeeToken(key, 'evt-1', 'a@example.com')).not.toBe(attendeeToken(key, 'evt-1', 'b@example.com'));
  });
});

describe('unsubscribe tokens', () => {
  it('name the organizer and the address', () => {
    const token = unsubscribeToken(key, 'org-1', 'Grace@example.com');
    expect(readUnsubscribeToken(key, token)).toEqual({ organizerId: 'org-1', email: 'grace@example.com' });
    expect(readAttendeeToken(key, token)).toBeNull();
  });
});
