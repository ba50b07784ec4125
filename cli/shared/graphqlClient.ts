// GraphQL over HTTP as AppSync takes it from a user-pool caller: the raw token in
// `Authorization` (no `Bearer`). The first GraphQL error becomes a GraphqlCallError that
// keeps its errorType, also for a 401 (UnauthorizedException) which has no `data`.
import { ConnectionError, GraphqlCallError } from './errors';

export type GraphqlClient = <T>(operation: string, document: string, variables: Record<string, unknown>) => Promise<T>;

type GraphqlBody<T> = { data?: T | null; errors?: { errorType?: string | null; message?: string }[] };

export function graphqlClient(url: string, authorization: string): GraphqlClient {
  return async <T>(operation: string, document: string, variables: Record<string, unknown>) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: document, variables }),
      });
    } catch (error) {
      throw new ConnectionError(`The API does not answer at ${url} (${causeOf(error)}).`, { cause: error });
    }
    const text = await response.text();
    let body: GraphqlBody<T>;
    try {
      body = JSON.parse(text) as GraphqlBody<T>;
    } catch {
      throw new ConnectionError(`${url} answered HTTP ${response.status} with something that is not GraphQL: ${text.slice(0, 200)}`);
    }
    const [first] = body.errors ?? [];
    if (first) throw new GraphqlCallError(operation, first.errorType ?? null, first.message ?? `HTTP ${response.status}`);
    if (!body.data) throw new GraphqlCallError(operation, null, `no data in the answer (HTTP ${response.status})`);
    return body.data;
  };
}

/** fetch says "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND ...) is in its cause. */
export function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
