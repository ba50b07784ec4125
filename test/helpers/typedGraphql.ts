// The generated client's typed documents (generated/client/) against the local stack: the
// variables are checked against the document and the result comes typed, over the same
// HTTP calls as test/helpers/api.ts. Callers: the API key, a Cognito user (`organizer.auth`:
// its ID token in `authorization`), or IAM (SigV4 with the local credentials).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { endpoints, graphql, iamGraphql, type GraphqlResult } from './api';

export type Caller = 'apiKey' | 'iam' | { authorization: string };

export async function execute<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  caller: Caller,
): Promise<GraphqlResult<Result>> {
  const query = print(document);
  const vars = (variables ?? {}) as Record<string, unknown>;
  if (caller === 'iam') return iamGraphql<Result>(query, vars);
  const headers: Record<string, string> = caller === 'apiKey' ? { 'x-api-key': endpoints().apiKey } : { authorization: caller.authorization };
  return graphql<Result>(query, vars, headers);
}

/** The data of a call that must succeed; its GraphQL errors, if any, fail the test with their errorType. */
export async function executeOk<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, caller: Caller): Promise<Result> {
  const out = await execute(document, variables, caller);
  if (out.errors?.length || !out.data) {
    const [first] = out.errors ?? [];
    throw new Error(`GraphQL call failed (HTTP ${out.status}): ${first ? `${first.errorType}: ${first.message}` : 'no data'}`);
  }
  return out.data;
}
