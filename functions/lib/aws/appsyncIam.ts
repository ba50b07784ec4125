// GraphQL over HTTP to our own AppSync API, signed with IAM (SigV4, service `appsync`): how
// functions call mutations (ARCHITECTURE.md section 5: every change goes through one).
// Credentials come from the SDK's default chain (the Lambda role's, from its environment)
// unless given. No endpoint in code: the caller passes the URL (GRAPHQL_URL).
//
// The answer keeps AppSync's error fields (`errorType`, `errorInfo`) for callers to decide
// by type. An answer that is not GraphQL (a proxy's 502, a timeout) throws GraphqlHttpError,
// which, like network errors, is worth a retry.
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/** The SigV4 service name of AppSync's GraphQL endpoint. */
export const APPSYNC_SIGNING_SERVICE = 'appsync';
/**
 * AppSync ends a request after 30 seconds ("Request execution time",
 * https://docs.aws.amazon.com/general/latest/gr/appsync.html); waiting longer is pointless.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

type SignerCredentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

export type AppsyncIamOptions = {
  /** The API's GraphQL URL (`https://<id>.appsync-api.<region>.amazonaws.com/graphql`). */
  url: string;
  region: string;
  /** Default: the SDK's default credential chain (environment, then shared files, IMDS ...). */
  credentials?: SignerCredentials;
  /** Default REQUEST_TIMEOUT_MS. */
  timeoutMs?: number;
};

export type GraphqlError = {
  message: string;
  /** AppSync's stable type (our `LimitExceeded`, ..., or its own `UnauthorizedException`); null when absent. */
  errorType: string | null;
  errorInfo: Record<string, unknown> | null;
  path: (string | number)[] | null;
};

export type GraphqlResponse<T> = { data: T | null; errors: GraphqlError[] };

/** One GraphQL operation: resolves to the data and errors AppSync answered (both may be set). */
export type GraphqlClient = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphqlResponse<T>>;

/** The endpoint did not answer with GraphQL: an HTTP error page, an empty body. Retryable. */
export class GraphqlHttpError extends Error {
  readonly status: number;

  constructor(status: number, body: string) {
    super(`AppSync answered HTTP ${status} without a GraphQL body: ${body.slice(0, 200)}`);
    this.name = 'GraphqlHttpError';
    this.status = status;
  }
}

/**
 * A client for the API at `options.url`.
 *
 * @example
 * const graphql = appsyncIamClient({ url: env.GRAPHQL_URL, region: env.REGION });
 * const { data, errors } = await graphql<{ inviteAttendees: InviteResult }>(MUTATION, { eventId, attendees, organizerId });
 * if (errors.some((e) => e.errorType === 'LimitExceeded')) ...
 */
export function appsyncIamClient(options: AppsyncIamOptions): GraphqlClient {
  const url = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const signer = new SignatureV4({
    service: APPSYNC_SIGNING_SERVICE,
    region: options.region,
    credentials: options.credentials ?? defaultProvider(),
    sha256: Sha256,
  });
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const body = JSON.stringify({ query, variables });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { host: url.host, 'content-type': 'application/json' },
      body,
    });
    // fetch derives Host from the URL, the same value as the signed one.
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    const answer = parseAnswer(text);
    // AppSync answers resolver errors with 200, and refusals of the request itself
    // (signature, authorization) with 4xx and a GraphQL `errors` list; anything else is not an answer.
    if (!answer || response.status >= 500) throw new GraphqlHttpError(response.status, text);
    return { data: (answer.data ?? null) as T | null, errors: (answer.errors ?? []).map(toGraphqlError) };
  };
}

type Answer = { data?: unknown; errors?: unknown[] };

function parseAnswer(text: string): Answer | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const answer = value as Answer;
    if (!('data' in answer) && !Array.isArray(answer.errors)) return null;
    if (answer.errors !== undefined && !Array.isArray(answer.errors)) return null;
    return answer;
  } catch {
    return null;
  }
}

function toGraphqlError(raw: unknown): GraphqlError {
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    message: typeof e.message === 'string' ? e.message : String(e.message ?? 'GraphQL error'),
    errorType: typeof e.errorType === 'string' ? e.errorType : null,
    errorInfo: typeof e.errorInfo === 'object' && e.errorInfo !== null ? (e.errorInfo as Record<string, unknown>) : null,
    path: Array.isArray(e.path) ? (e.path as (string | number)[]) : null,
  };
}
