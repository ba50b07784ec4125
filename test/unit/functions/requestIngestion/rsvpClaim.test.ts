import { describe, expect, it } from 'vitest';
import { messageClaimId, replyClaimId } from '../../../../functions/requestIngestion/rsvpClaim';

const REPLY = { uid: 'evt-1@calendar.example', attendee: 'grace@example.com', sequence: 0, dtstamp: '2030-03-05T09:15:00.000Z' };

describe('RSVP claim ids', () => {
  it('name a message by its Message-ID and sender, hashed; by SES’s id when it has none', () => {
    const id = messageClaimId('grace@example.com', '<a@b>', 'ses-1');
    expect(id).toMatch(/^rsvp-message\/[0-9a-f]{64}$/);
    expect(messageClaimId('grace@example.com', ' <a@b> ', 'ses-2')).toBe(id);
    expect(messageClaimId('mallory@evil.example', '<a@b>', 'ses-1')).not.toBe(id);
    expect(messageClaimId('grace@example.com', undefined, 'ses-1')).toBe('rsvp-message/ses/ses-1');
    expect(id).not.toContain('grace');
  });

  it('name a reply by UID, attendee, SEQUENCE and DTSTAMP', () => {
    const id = replyClaimId(REPLY);
    expect(id).toMatch(/^rsvp-reply\/[0-9a-f]{64}$/);
    expect(replyClaimId({ ...REPLY })).toBe(id);
    for (const other of [{ sequence: 1 }, { dtstamp: '2030-03-05T09:15:01.000Z' }, { attendee: 'bob@example.com' }, { uid: 'evt-2@calendar.example' }]) {
      expect(replyClaimId({ ...REPLY, ...other })).not.toBe(id);
    }
  });
});
