// Queries over HTTP as AppSync takes them from a user-pool caller: the raw ID token in
// `Authorization`. A GraphQL error (or a 401) becomes an ApiError with its errorType.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
// The printer alone: the package's index would bring all of graphql-js into the bundle.
import { print } from 'graphql/language/printer';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly errorType: string | null,
    message: string,
  ) {
    super(errorType ? `${errorType}: ${message}` : message);
  }
}

type Body<T> = { data?: T | null; errors?: { errorType?: string | null; message?: string }[] };

export async function request<Result, Variables>(
  graphqlUrl: string,
  idToken: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: idToken },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as Body<Result>;
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.errorType ?? null, first.message ?? `HTTP ${response.status}`);
  if (!body.data) throw new ApiError(null, `no data in the answer (HTTP ${response.status})`);
  return body.data;
}
