import { describe, expect, it, vi } from 'vitest';
import { graphqlRsvpPort, LINK_RSVP_MUTATION, RsvpCallError } from '../../../../functions/attendeeLinks/graphqlRsvpPort';
import type { GraphqlClient, GraphqlError } from '../../../../functions/lib/aws/appsyncIam';

const REQUEST = { eventId: 'evt-1', token: 'tok', response: 'ACCEPTED', comment: 'See you' } as const;
const ATTENDEE = { email: 'ada@example.com', name: null, status: 'ACCEPTED', answer: { response: 'ACCEPTED', comment: 'See you', via: 'LINK', answeredAt: '2026-03-01T12:00:00.000Z' } };

const error = (errorType: string | null, errorInfo: Record<string, unknown> | null = null, message = 'refused'): GraphqlError => ({ message, errorType, errorInfo, path: ['rsvp'] });

function port(answer: { data: unknown; errors: GraphqlError[] }) {
  const client = vi.fn(async () => answer) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;
  return { client, rsvp: graphqlRsvpPort(() => client) };
}

describe('the RSVP port', () => {
  it('calls rsvp with the token and via LINK, and gives the attendee recorded', async () => {
    const p = port({ data: { rsvp: ATTENDEE }, errors: [] });
    expect(await p.rsvp({ ...REQUEST })).toEqual({ kind: 'answered', attendee: ATTENDEE });
    expect(p.client).toHaveBeenCalledWith(LINK_RSVP_MUTATION, REQUEST);
    expect(LINK_RSVP_MUTATION).toContain('token: $token, via: LINK');
  });

  it.each([
    ['a cancelled event', error('Conflict', { reason: 'EVENT_CANCELLED' }), { kind: 'cancelled' }],
    ['an attendee removed', error('NotFound', null, 'ada@example.com is not invited to this event.'), { kind: 'not-invited' }],
    ['a bad token', error('Unauthorized', { reason: 'BAD_TOKEN' }), { kind: 'bad-token' }],
    [
      'a comment too long',
      error('ValidationError', { violations: [{ field: 'comment', message: 'comment must be at most 500 characters (got 612)' }] }),
      { kind: 'invalid', field: 'comment', message: 'comment must be at most 500 characters (got 612)' },
    ],
  ])('reads %s from the errorType', async (_what, refusal, outcome) => {
    expect(await port({ data: null, errors: [refusal] }).rsvp({ ...REQUEST })).toEqual(outcome);
  });

  it.each([
    ['another Conflict', error('Conflict', { reason: 'ATTENDEE_CHANGED' })],
    ['the token check unavailable', error('TokenCheckUnavailable')],
    ['AppSync refusing the role', error('UnauthorizedException')],
    ['another Unauthorized', error('Unauthorized', { reason: 'TOKEN_REQUIRED' })],
  ])('throws on %s (the page answers 503)', async (_what, failure) => {
    await expect(port({ data: null, errors: [failure] }).rsvp({ ...REQUEST })).rejects.toThrow(RsvpCallError);
  });

  it('throws on an answer without the attendee', async () => {
    await expect(port({ data: { rsvp: null }, errors: [] }).rsvp({ ...REQUEST })).rejects.toThrow('rsvp answered without the attendee');
  });
});
