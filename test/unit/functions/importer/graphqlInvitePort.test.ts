import { describe, expect, it, vi } from 'vitest';
import { InviteRefusedError } from '../../../../functions/importer/errors';
import { INVITE_MUTATION, InviteCallError, graphqlInvitePort } from '../../../../functions/importer/graphqlInvitePort';
import type { GraphqlClient, GraphqlError, GraphqlResponse } from '../../../../functions/lib/aws/appsyncIam';
import { isPermanent } from '../../../../functions/lib/errors';

const TARGET = { eventId: 'evt-1', organizerId: 'org-1' };
const CHUNK = [
  { email: 'ada@example.com', name: 'Ada', row: 2 },
  { email: 'bob@example.com', name: null, row: 4 },
];

function answering(response: GraphqlResponse<unknown>) {
  return vi.fn(async () => response) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;
}

const error = (errorType: string | null, errorInfo: Record<string, unknown> | null = null): GraphqlError => ({ message: `${errorType} happened`, errorType, errorInfo, path: ['inviteAttendees'] });

describe('inviting a chunk through inviteAttendees', () => {
  it('calls the mutation for the import’s organizer and returns its result', async () => {
    const result = { invited: [{ email: 'ada@example.com' }], duplicates: [{ email: 'bob@example.com', reason: 'already invited to this event' }], invalid: [], rejected: [] };
    const graphql = answering({ data: { inviteAttendees: result }, errors: [] });
    await expect(graphqlInvitePort(graphql, TARGET)(CHUNK)).resolves.toEqual(result);
    expect(graphql).toHaveBeenCalledWith(INVITE_MUTATION, {
      eventId: 'evt-1',
      organizerId: 'org-1',
      attendees: [
        { email: 'ada@example.com', name: 'Ada' },
        { email: 'bob@example.com', name: null },
      ],
    });
  });

  it('turns LimitExceeded, and the other refusals of the whole call, into InviteRefusedError', async () => {
    for (const type of ['LimitExceeded', 'Conflict', 'NotFound', 'Unauthorized']) {
      const graphql = answering({ data: { inviteAttendees: null }, errors: [error(type, { limit: 'maxInvitationsPerDay' })] });
      const failure = await graphqlInvitePort(graphql, TARGET)(CHUNK).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InviteRefusedError);
      expect(failure).toMatchObject({ errorType: type, errorInfo: { limit: 'maxInvitationsPerDay' }, message: `${type} happened` });
    }
  });

  it('makes a ValidationError permanent: the same chunk would be refused again', async () => {
    const graphql = answering({ data: null, errors: [error('ValidationError')] });
    await expect(graphqlInvitePort(graphql, TARGET)(CHUNK)).rejects.toSatisfy((e) => isPermanent(e) && !(e instanceof InviteRefusedError));
  });

  it('leaves every other error retryable', async () => {
    for (const response of [
      { data: null, errors: [error('DynamoDB:ProvisionedThroughputExceededException')] },
      { data: null, errors: [error(null)] },
      { data: { inviteAttendees: null }, errors: [] },
    ]) {
      const failure = await graphqlInvitePort(answering(response), TARGET)(CHUNK).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(InviteCallError);
      expect(isPermanent(failure)).toBe(false);
    }
  });
});
