// AWS_IAM auth for the local AppSync: verifies a SigV4-signed request as AWS does and
// returns the caller's ctx.identity. No HTTP here: the router hands over method, path,
// query, headers and body bytes; the realtime handshake hands over its header object.
//
// Checks, in order: a readable Authorization header (sigv4Header.ts), `host` and
// `x-amz-date` signed and every signed header present, the credential scope (date, the
// API's region, service `appsync`), the clock (5 minutes either way), a known access key
// and its session token, then the signature recomputed with the SDK's signer
// (sigv4Signature.ts) and compared in constant time. Errors carry AppSync's error type and
// text (iamErrors.ts) and a `reason` for the local log. IAM policies are not evaluated:
// a good signature from a known key is allowed, as an admin principal would be.
// SigV4: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
// Identity: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
import { timingSafeEqual } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS } from '../../shared/localCredentials';
import { EXPIRED_SECURITY_TOKEN, INVALID_SECURITY_TOKEN, IamRequestRejected, signatureMismatch } from './iamErrors';
import { checkScope, parseSigV4Authorization, signedHeaderValues, signingTime } from './sigv4Header';
import { dateToAmzDate, recomputeSignature } from './sigv4Signature';

/** AppSync's SigV4 signing name (service models; Amplify's realtime signer uses it too). */
export const APPSYNC_SIGNING_NAME = 'appsync';

/**
 * How far X-Amz-Date may be from the server's clock, either way. AppSync's own answers say
 * "(… - 5 min.)" and "(… + 5 min.)":
 * https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/620,
 * https://github.com/aws-amplify/amplify-js/issues/11480.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The realtime handshake is signed as `POST <graphql url>/connect` with body `{}` (appsync.md section 9). */
export const REALTIME_CONNECT_SUFFIX = '/connect';
export const REALTIME_CONNECT_PAYLOAD = '{}';

export const LOCAL_IAM_USER_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-developer`;
/**
 * `username` of the local caller, shaped like an IAM user's unique id (AIDA…). That AppSync
 * reports an IAM user's unique id there is an assumption (roles show `<role id>:<session>`).
 */
export const LOCAL_IAM_USER_ID = 'AIDALOCALDEVELOPER000';

/** A key the local AppSync accepts, and who signs with it. */
export type IamPrincipal = {
  secretAccessKey: string;
  /** Temporary credentials: the X-Amz-Security-Token the caller must send with the key. */
  sessionToken?: string;
  /** Temporary credentials: when they stop being accepted. */
  expiration?: Date;
  accountId: string;
  userArn: string;
  username: string;
};

/** ctx.identity for an AWS_IAM caller. The Cognito fields are set only for identity pool credentials. */
export type IamIdentity = {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
};

export type HeaderValues = Record<string, string | string[] | undefined>;

export type SignedRequest = {
  method: string;
  /** Path as received, still percent-encoded, without the query (e.g. `/graphql`). */
  path: string;
  /** Raw query string without `?`. */
  query?: string;
  headers: HeaderValues;
  body: Uint8Array | string;
};

export type IamVerifierOptions = {
  /** The API's region: requests signed for another one are refused. */
  region: string;
  /** Accepted keys, by access key id. */
  principals: ReadonlyMap<string, IamPrincipal>;
  /** Milliseconds since the epoch; injected in tests. */
  now?: () => number;
};

export class IamVerifier {
  private readonly now: () => number;

  constructor(private readonly options: IamVerifierOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Verifies a signed HTTP request; resolves to the caller's ctx.identity or throws IamRequestRejected. */
  async verify(request: SignedRequest, sourceIp: string[]): Promise<IamIdentity> {
    const headers = lowerCaseHeaders(request.headers);
    const auth = parseSigV4Authorization(headers.authorization ?? '', Boolean(headers['x-amz-date'] ?? headers.date));
    const signed = signedHeaderValues(auth, headers);
    const amzDate = signed['x-amz-date']!;
    checkScope(auth, { region: this.options.region, service: APPSYNC_SIGNING_NAME }, amzDate);
    this.checkClock(amzDate, signingTime(amzDate));

    const principal = this.options.principals.get(auth.accessKeyId);
    if (!principal) {
      throw new IamRequestRejected('UnrecognizedClientException', INVALID_SECURITY_TOKEN, `SigV4: unknown access key ${auth.accessKeyId}`);
    }
    this.checkSessionToken(auth.accessKeyId, principal, headers['x-amz-security-token']);

    const path = request.path || '/';
    const expected = await recomputeSignature(
      { method: request.method, path, query: parseQuery(request.query ?? ''), headers: signed, body: request.body },
      {
        accessKeyId: auth.accessKeyId,
        secretAccessKey: principal.secretAccessKey,
        amzDate,
        scope: auth.scope,
        region: auth.region,
        service: auth.service,
      },
    );
    if (!sameText(expected.signature, auth.signature)) {
      throw signatureMismatch(
        expected.canonicalRequest,
        expected.stringToSign,
        `SigV4: signature mismatch for ${auth.accessKeyId} on ${request.method} ${path} (wrong secret, or the request changed after signing)`,
      );
    }
    return iamIdentity(principal, sourceIp);
  }

  /**
   * Verifies the IAM headers of a realtime handshake (`header=` query parameter or
   * `header-` subprotocol, decoded to an object): Amplify signs them for
   * `POST <graphql url>/connect` with body `{}`.
   */
  verifyRealtimeConnect(authHeaders: HeaderValues, sourceIp: string[], graphqlPath = '/graphql'): Promise<IamIdentity> {
    const path = `${graphqlPath.replace(/\/+$/, '')}${REALTIME_CONNECT_SUFFIX}`;
    return this.verify({ method: 'POST', path, headers: authHeaders, body: REALTIME_CONNECT_PAYLOAD }, sourceIp);
  }

  /**
   * Verifies `payload.extensions.authorization` of a realtime `start` message: Amplify signs
   * it for `POST <graphql url>` with `payload.data` (the JSON string) as body.
   */
  verifyRealtimeStart(authHeaders: HeaderValues, data: string, sourceIp: string[], graphqlPath = '/graphql'): Promise<IamIdentity> {
    return this.verify({ method: 'POST', path: graphqlPath, headers: authHeaders, body: data }, sourceIp);
  }

  private checkClock(amzDate: string, signedAt: Date): void {
    const now = this.now();
    const at = (ms: number) => dateToAmzDate(new Date(ms));
    if (signedAt.getTime() < now - MAX_CLOCK_SKEW_MS) {
      throw new IamRequestRejected(
        'BadRequestException',
        `Signature expired: ${amzDate} is now earlier than ${at(now - MAX_CLOCK_SKEW_MS)} (${at(now)} - 5 min.)`,
        `SigV4: signed at ${amzDate}, more than 5 minutes before the local clock (${at(now)})`,
      );
    }
    if (signedAt.getTime() > now + MAX_CLOCK_SKEW_MS) {
      throw new IamRequestRejected(
        'BadRequestException',
        `Signature not yet current: ${amzDate} is still later than ${at(now + MAX_CLOCK_SKEW_MS)} (${at(now)} + 5 min.)`,
        `SigV4: signed at ${amzDate}, more than 5 minutes after the local clock (${at(now)})`,
      );
    }
  }

  private checkSessionToken(accessKeyId: string, principal: IamPrincipal, sent: string | undefined): void {
    if (principal.sessionToken === undefined ? sent !== undefined : sent === undefined || !sameText(sent, principal.sessionToken)) {
      throw new IamRequestRejected(
        'UnrecognizedClientException',
        INVALID_SECURITY_TOKEN,
        principal.sessionToken === undefined
          ? `SigV4: ${accessKeyId} is a long-term key, but a session token was sent`
          : `SigV4: ${accessKeyId} is temporary and ${sent === undefined ? 'no' : 'another'} session token was sent`,
      );
    }
    if (principal.expiration && principal.expiration.getTime() <= this.now()) {
      const reason = `SigV4: temporary credentials ${accessKeyId} expired at ${principal.expiration.toISOString()}`;
      throw new IamRequestRejected('ExpiredTokenException', EXPIRED_SECURITY_TOKEN, reason);
    }
  }
}

/** ctx.identity for a caller signing with `principal`. */
export function iamIdentity(principal: IamPrincipal, sourceIp: string[]): IamIdentity {
  return {
    accountId: principal.accountId,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp,
    username: principal.username,
    userArn: principal.userArn,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
}

/** The local credentials (localCredentials.ts) as an IAM user of the local account. */
export function localIamPrincipals(): ReadonlyMap<string, IamPrincipal> {
  return new Map([
    [
      LOCAL_CREDENTIALS.accessKeyId,
      {
        secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey,
        accountId: LOCAL_ACCOUNT_ID,
        userArn: LOCAL_IAM_USER_ARN,
        username: LOCAL_IAM_USER_ID,
      },
    ],
  ]);
}

function lowerCaseHeaders(headers: HeaderValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(',') : value;
    // Repeated headers are one comma-separated value in the canonical request.
    out[key] = key in out ? `${out[key]},${text}` : text;
  }
  return out;
}

function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
