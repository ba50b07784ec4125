// startImport on AppSync, signed with IAM, for the organizer the mail came from (an argument
// the API honours for IAM callers alone), with source EMAIL. The API decides whether the
// event is that organizer's and open: what an error means is decided by its errorType
// (resolvers/lib/errorTypes.ts):
// - a refusal every retry would meet too: ImportRefusedError, the message is dropped;
// - anything else (AppSync's own errors, throttling, HTTP 5xx, network): rethrown, retried.
import { ErrorType } from '../../resolvers/lib/errorTypes';
import type { GraphqlClient, GraphqlError } from '../lib/aws/appsyncIam';
import { ImportRefusedError } from './errors';

export const START_IMPORT_MUTATION = /* GraphQL */ `
  mutation EmailStartImport($eventId: ID!, $fileName: String, $organizerId: ID) {
    startImport(eventId: $eventId, fileName: $fileName, source: EMAIL, organizerId: $organizerId) {
      uploadUrl
      uploadHeaders
      job { id }
    }
  }
`;

/** errorTypes that refuse the import whatever the retry. */
export const REFUSAL_TYPES: readonly string[] = [ErrorType.Unauthorized, ErrorType.Conflict, ErrorType.NotFound, ErrorType.ValidationError, ErrorType.LimitExceeded];

export type StartImportInput = { eventId: string; fileName: string; organizerId: string };
/** The job the upload starts, and where to PUT the file with which headers. */
export type StartedImport = { jobId: string; uploadUrl: string; uploadHeaders: Record<string, string> };
export type StartImportPort = (input: StartImportInput) => Promise<StartedImport>;

/** A GraphQL answer no class above covers: worth a retry. */
export class StartImportCallError extends Error {
  readonly errors: GraphqlError[];

  constructor(message: string, errors: GraphqlError[] = []) {
    super(message);
    this.name = 'StartImportCallError';
    this.errors = errors;
  }
}

type Answer = { startImport: { uploadUrl: string; uploadHeaders: string | Record<string, string>; job: { id: string } } | null };

export function graphqlImportPort(graphql: GraphqlClient): StartImportPort {
  return async (input) => {
    const { data, errors } = await graphql<Answer>(START_IMPORT_MUTATION, { ...input });
    const refusal = errors.find((e) => e.errorType !== null && REFUSAL_TYPES.includes(e.errorType));
    if (refusal) throw new ImportRefusedError(`startImport refused: ${refusal.message}`, refusal.errorType as string);
    if (errors.length > 0) throw new StartImportCallError(`startImport failed: ${errors.map((e) => `${e.errorType ?? 'error'}: ${e.message}`).join('; ')}`, errors);
    const started = data?.startImport;
    if (!started?.uploadUrl || !started.job?.id) throw new StartImportCallError('startImport answered without an upload URL');
    return { jobId: started.job.id, uploadUrl: started.uploadUrl, uploadHeaders: headersOf(started.uploadHeaders) };
  };
}

/** AWSJSON comes back as a JSON string (AppSync serializes it); a parsed object is taken as is. */
function headersOf(value: string | Record<string, string>): Record<string, string> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new StartImportCallError('startImport answered uploadHeaders that are not a JSON object');
  return Object.fromEntries(Object.entries(parsed).map(([name, v]) => [name, String(v)]));
}
