import { describe, expect, it, vi } from 'vitest';
import type { GraphqlClient, GraphqlError } from '../../../../functions/lib/aws/appsyncIam';
import { GraphqlHttpError } from '../../../../functions/lib/aws/appsyncIam';
import { isPermanent } from '../../../../functions/lib/errors';
import { ImportRefusedError } from '../../../../functions/requestIngestion/errors';
import { graphqlImportPort, START_IMPORT_MUTATION, StartImportCallError } from '../../../../functions/requestIngestion/graphqlImportPort';

const input = { eventId: 'evt-1', fileName: 'guests.csv', organizerId: 'org-1' };
const error = (errorType: string | null, message = 'no'): GraphqlError => ({ errorType, message, errorInfo: null, path: ['startImport'] });
const client = (answer: Awaited<ReturnType<GraphqlClient>> | Error) =>
  vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as GraphqlClient & ReturnType<typeof vi.fn>;

describe('graphqlImportPort', () => {
  it('starts an EMAIL import for the organizer and parses the upload headers', async () => {
    const graphql = client({ data: { startImport: { uploadUrl: 'https://s3/put', uploadHeaders: '{"content-type":"text/csv"}', job: { id: 'job-1' } } }, errors: [] });
    expect(await graphqlImportPort(graphql)(input)).toEqual({ jobId: 'job-1', uploadUrl: 'https://s3/put', uploadHeaders: { 'content-type': 'text/csv' } });
    expect(graphql).toHaveBeenCalledWith(START_IMPORT_MUTATION, input);
    expect(START_IMPORT_MUTATION).toContain('source: EMAIL');
  });

  it.each(['Unauthorized', 'Conflict', 'NotFound', 'ValidationError'])('takes %s as a refusal no retry changes', async (errorType) => {
    const refused = graphqlImportPort(client({ data: null, errors: [error(errorType, 'This event belongs to another organizer')] }))(input);
    await expect(refused).rejects.toThrow(ImportRefusedError);
    await expect(refused).rejects.toMatchObject({ errorType, message: 'startImport refused: This event belongs to another organizer' });
  });

  it('retries AppSync’s own errors and answers without data', async () => {
    const failed = graphqlImportPort(client({ data: null, errors: [error('DynamoDB:ProvisionedThroughputExceededException')] }))(input);
    await expect(failed).rejects.toThrow(StartImportCallError);
    await expect(graphqlImportPort(client({ data: { startImport: null }, errors: [] }))(input)).rejects.toSatisfy((e) => !isPermanent(e));
  });

  it('lets HTTP and network failures through, to be retried', async () => {
    await expect(graphqlImportPort(client(new GraphqlHttpError(502, 'Bad Gateway')))(input)).rejects.toThrow(GraphqlHttpError);
    await expect(graphqlImportPort(client(new TypeError('fetch failed')))(input)).rejects.toSatisfy((e) => !isPermanent(e));
  });
});
