import { describe, expect, it, vi } from 'vitest';
import { graphqlCountsPublisher, PUBLISH_RSVP_COUNTS_MUTATION, PublishCountsError } from '../../../../functions/countsPublisher/graphqlCountsPublisher';
import type { GraphqlClient, GraphqlResponse } from '../../../../functions/lib/aws/appsyncIam';

const COUNTS = { eventId: 'evt-1', invited: 3, needsAction: 1, accepted: 1, declined: 1, tentative: 0, changedAt: '2030-01-01T09:00:00.000Z' };

function answering(response: GraphqlResponse<unknown>) {
  return vi.fn(async () => response) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;
}

describe('pushing counts through publishRsvpCounts', () => {
  it('calls the mutation with the counts, selecting every field subscribers may ask for', async () => {
    const graphql = answering({ data: { publishRsvpCounts: COUNTS }, errors: [] });
    await graphqlCountsPublisher(graphql)(COUNTS);
    expect(graphql).toHaveBeenCalledWith(PUBLISH_RSVP_COUNTS_MUTATION, COUNTS);
    for (const field of Object.keys(COUNTS)) expect(PUBLISH_RSVP_COUNTS_MUTATION).toMatch(new RegExp(`^\\s+${field}$`, 'm'));
  });

  it('throws PublishCountsError on errors or a missing result, so that the record is retried', async () => {
    const refused = answering({ data: null, errors: [{ message: 'Not Authorized', errorType: 'UnauthorizedException', errorInfo: null, path: null }] });
    await expect(graphqlCountsPublisher(refused)(COUNTS)).rejects.toThrow(PublishCountsError);
    await expect(graphqlCountsPublisher(answering({ data: { publishRsvpCounts: null }, errors: [] }))(COUNTS)).rejects.toThrow(/without a result/);
  });
});
