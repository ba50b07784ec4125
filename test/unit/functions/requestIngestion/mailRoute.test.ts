import { describe, expect, it } from 'vitest';
import { mailRoute } from '../../../../functions/requestIngestion/mailRoute';
import { REQUESTS, RSVP } from './harness';

const addresses = { requests: REQUESTS, rsvp: RSVP };

describe('mailRoute', () => {
  it('routes mail for the requests address to requests, whatever the case of the address', () => {
    expect(mailRoute(['Requests@Calendar.Example'], addresses)).toBe('requests');
  });

  it('routes mail for the RSVP address to rsvp', () => {
    expect(mailRoute([RSVP], addresses)).toBe('rsvp');
  });

  it('takes a message to both addresses as a request', () => {
    expect(mailRoute([RSVP, REQUESTS], addresses)).toBe('requests');
  });

  it('routes nowhere a message for neither address', () => {
    expect(mailRoute(['someone@calendar.example'], addresses)).toBeNull();
  });
});
