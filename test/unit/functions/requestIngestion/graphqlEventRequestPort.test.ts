import { describe, expect, it, vi } from 'vitest';
import type { GraphqlClient, GraphqlError } from '../../../../functions/lib/aws/appsyncIam';
import { EventRequestRefusedError } from '../../../../functions/requestIngestion/errors';
import { graphqlEventRequestPort } from '../../../../functions/requestIngestion/graphqlEventRequestPort';

const ID = '0f1e2d3c-4b5a-8978-a695-a4b3c2d1e0f9';
const INPUT = { title: 'Launch review', description: null, location: 'Room 4', startsAt: '2030-03-01T08:00:00.000Z', endsAt: '2030-03-01T09:30:00.000Z', timeZone: 'Europe/Berlin' };
const error = (errorType: string, errorInfo: Record<string, unknown> | null = null): GraphqlError => ({ message: `${errorType}!`, errorType, errorInfo, path: ['createEvent'] });

function portAnswering(answer: { data: unknown; errors: GraphqlError[] }) {
  const graphql = vi.fn(async () => answer) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;
  return { graphql, port: graphqlEventRequestPort(graphql) };
}

describe('createEvent for an emailed request', () => {
  it('names the event it creates, so that a retry finds it', async () => {
    const { graphql, port } = portAnswering({ data: { createEvent: { id: ID, title: INPUT.title, startsAt: INPUT.startsAt } }, errors: [] });
    expect(await port.createEvent(INPUT, 'org-1', ID)).toEqual({ id: ID, title: INPUT.title, startsAt: INPUT.startsAt });
    expect(graphql).toHaveBeenCalledWith(expect.stringContaining('id: $id'), { input: INPUT, organizerId: 'org-1', id: ID });
  });

  it('takes Conflict EVENT_EXISTS for that very id as the event a previous try created', async () => {
    const { port } = portAnswering({ data: null, errors: [error('Conflict', { reason: 'EVENT_EXISTS', eventId: ID })] });
    expect(await port.createEvent(INPUT, 'org-1', ID)).toEqual({ id: ID, title: INPUT.title, startsAt: INPUT.startsAt });
  });

  it('refuses on any other Conflict, or an existing event of another id', async () => {
    await expect(portAnswering({ data: null, errors: [error('Conflict', { reason: 'EVENT_EXISTS', eventId: 'other' })] }).port.createEvent(INPUT, 'org-1', ID)).rejects.toThrow(EventRequestRefusedError);
    await expect(portAnswering({ data: null, errors: [error('LimitExceeded', { limit: 'maxActiveEvents' })] }).port.createEvent(INPUT, 'org-1', ID)).rejects.toThrow(EventRequestRefusedError);
  });
});
