// Calls to the local stack the way clients make them: GraphQL over HTTP, tokens from the
// local issuer, and direct table access for test setup.
import { Sha256 } from '@aws-crypto/sha256-js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import { inject } from 'vitest';
import { localClientConfig } from '../../local/shared/localCredentials';

export type GraphqlError = {
  path: (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: Record<string, unknown> | null;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
};

export type GraphqlResult<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
};

export function endpoints() {
  return inject('endpoints');
}

export async function graphql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResult<T>> {
  const response = await fetch(endpoints().graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/** GraphQL as a backend caller signs it: SigV4 (service appsync) with the local credentials. */
export async function iamGraphql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResult<T>> {
  const url = new URL(endpoints().graphqlUrl);
  const body = JSON.stringify({ query, variables });
  const signer = new SignatureV4({ service: 'appsync', region: endpoints().region, credentials: endpoints().credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  const response = await fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  return { status: response.status, ...((await response.json()) as Omit<GraphqlResult<T>, 'status'>) };
}

export type Tokens = { idToken: string; accessToken: string; sub: string };

export async function tokens(request: { email?: string; sub?: string; groups?: string[]; expiresIn?: number }): Promise<Tokens> {
  const response = await fetch(endpoints().tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

/** A new organizer with its own identity: tests never share one. */
export async function newOrganizer(options: { groups?: string[] } = {}) {
  const email = `organizer-${crypto.randomUUID()}@example.com`;
  const t = await tokens({ email, groups: options.groups });
  return { email, sub: t.sub, tokens: t, auth: { authorization: t.idToken } };
}

let client: DynamoDBClient | undefined;

export function table() {
  client ??= new DynamoDBClient(localClientConfig(endpoints().dynamodbUrl));
  const name = Object.values(endpoints().tables)[0];
  return { client, name };
}

/** An instant `days` from now, as an AWSDateTime. */
export function daysFromNow(days: number, hours = 0): string {
  return new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();
}
