import { describe, expect, it, vi } from 'vitest';
import type { GraphqlClient, GraphqlError } from '../../../../functions/lib/aws/appsyncIam';
import { GraphqlHttpError } from '../../../../functions/lib/aws/appsyncIam';
import { isPermanent } from '../../../../functions/lib/errors';
import { RsvpRefusedError } from '../../../../functions/requestIngestion/errors';
import { graphqlEmailRsvpPort, RecordEmailRsvpCallError, RECORD_EMAIL_RSVP_MUTATION } from '../../../../functions/requestIngestion/graphqlEmailRsvpPort';
import type { EmailRsvp } from '../../../../functions/requestIngestion/matchReply';

const RSVP: EmailRsvp = { eventId: 'evt-1', email: 'grace@example.com', response: 'ACCEPTED', comment: null, sequence: 0, dtstamp: '2030-03-05T09:15:00.000Z' };
const error = (errorType: string | null, reason?: string): GraphqlError => ({ errorType, message: 'no', errorInfo: reason ? { reason } : null, path: ['recordEmailRsvp'] });
const client = (answer: Awaited<ReturnType<GraphqlClient>> | Error) =>
  vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;

describe('graphqlEmailRsvpPort', () => {
  it('records the reply with every argument, selecting what onAttendeeResponded pushes', async () => {
    const graphql = client({ data: { recordEmailRsvp: { status: 'ACCEPTED' } }, errors: [] });
    expect(await graphqlEmailRsvpPort(graphql)(RSVP)).toEqual({ status: 'ACCEPTED' });
    expect(graphql).toHaveBeenCalledWith(RECORD_EMAIL_RSVP_MUTATION, RSVP);
    expect(RECORD_EMAIL_RSVP_MUTATION).toMatch(/eventId\s+email\s+name\s+status\s+answer \{/);
  });

  it.each([
    ['NotFound', undefined],
    ['Conflict', 'STALE_REPLY'],
    ['Conflict', 'EVENT_CANCELLED'],
    ['ValidationError', undefined],
  ])('takes %s %s as a refusal no retry changes', async (errorType, reason) => {
    const refused = graphqlEmailRsvpPort(client({ data: null, errors: [error(errorType, reason)] }))(RSVP);
    await expect(refused).rejects.toThrow(RsvpRefusedError);
    await expect(refused).rejects.toMatchObject({ errorType, reason: reason ?? null });
  });

  it('retries a concurrent answer (Conflict ATTENDEE_CHANGED), AppSync’s own errors and answers without data', async () => {
    await expect(graphqlEmailRsvpPort(client({ data: null, errors: [error('Conflict', 'ATTENDEE_CHANGED')] }))(RSVP)).rejects.toThrow(RecordEmailRsvpCallError);
    await expect(graphqlEmailRsvpPort(client({ data: null, errors: [error('UnauthorizedException')] }))(RSVP)).rejects.toSatisfy((e) => !isPermanent(e));
    await expect(graphqlEmailRsvpPort(client({ data: { recordEmailRsvp: null }, errors: [] }))(RSVP)).rejects.toThrow(RecordEmailRsvpCallError);
  });

  it('lets HTTP and network failures through, to be retried', async () => {
    await expect(graphqlEmailRsvpPort(client(new GraphqlHttpError(503, 'Service Unavailable')))(RSVP)).rejects.toThrow(GraphqlHttpError);
    await expect(graphqlEmailRsvpPort(client(new TypeError('fetch failed')))(RSVP)).rejects.toSatisfy((e) => !isPermanent(e));
  });
});
