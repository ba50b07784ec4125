// GraphQL over HTTP as AppSync takes it from a user-pool caller: the raw token in
// `Authorization` (no `Bearer`). Documents are the generated client's typed documents, so
// variables and results are checked against the selection. The first GraphQL error becomes a
// GraphqlCallError (named for the document's root field) that keeps its errorType, also for
// a 401 (UnauthorizedException) which has no `data`.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ConnectionError, GraphqlCallError } from './errors';
import { rootFieldName } from './rootFieldName';

export type GraphqlClient = <Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) => Promise<Result>;

type GraphqlBody<T> = { data?: T | null; errors?: { errorType?: string | null; message?: string }[] };

export function graphqlClient(url: string, authorization: string): GraphqlClient {
  return async <Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) => {
    const operation = rootFieldName(document);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch (error) {
      throw new ConnectionError(`The API does not answer at ${url} (${causeOf(error)}).`, { cause: error });
    }
    const text = await response.text();
    let body: GraphqlBody<Result>;
    try {
      body = JSON.parse(text) as GraphqlBody<Result>;
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
