// Verifies a SigV4-signed request as AWS does, for any local service (its signing name is an
// option), and says who signed it. No HTTP here: a router hands over method, path, query,
// headers and body bytes.
//
// Checks, in order: a readable Authorization header (header.ts), `host` and `x-amz-date`
// signed and every signed header present, the credential scope (date, the region, the
// service's signing name), the clock (5 minutes either way), a known access key and its
// session token, then the signature recomputed with the SDK's signer (signature.ts) and
// compared in constant time. Errors (errors.ts) carry AppSync's error type and text and a
// `reason` for the local log. IAM policies are not evaluated: a good signature from a known
// key is allowed, as an admin principal would be.
// SigV4: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { timingSafeEqual } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS } from '../localCredentials';
import { EXPIRED_SECURITY_TOKEN, INVALID_SECURITY_TOKEN, SigV4Rejected, signatureMismatch } from './errors';
import { checkScope, parseSigV4Authorization, signedHeaderValues, signingTime } from './header';
import { dateToAmzDate, recomputeSignature } from './signature';

/**
 * How far X-Amz-Date may be from the server's clock, either way. AppSync's own answers say
 * "(… - 5 min.)" and "(… + 5 min.)":
 * https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/620,
 * https://github.com/aws-amplify/amplify-js/issues/11480.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export const LOCAL_IAM_USER_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-developer`;
/**
 * `username` of the local caller, shaped like an IAM user's unique id (AIDA…). That AppSync
 * reports an IAM user's unique id there is an assumption (roles show `<role id>:<session>`).
 */
export const LOCAL_IAM_USER_ID = 'AIDALOCALDEVELOPER000';

/** A key the local services accept, and who signs with it. */
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

/** Who signed a request. */
export type SigV4Caller = { accessKeyId: string; principal: IamPrincipal };

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
  /** The signing name requests must be scoped to: `appsync`, `sqs`, `sns`, `ses`, `s3`, `lambda` ... */
  service: string;
  /** The service's region: requests signed for another one are refused. */
  region: string;
  /** Accepted keys, by access key id. */
  principals: ReadonlyMap<string, IamPrincipal>;
  /**
   * How far X-Amz-Date may be from the clock, either way.
   * @default MAX_CLOCK_SKEW_MS (AppSync's 5 minutes; SQS and S3 allow 15)
   */
  maxClockSkewMs?: number;
  /** Milliseconds since the epoch; injected in tests. */
  now?: () => number;
};

export class IamVerifier {
  private readonly now: () => number;

  constructor(private readonly options: IamVerifierOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Verifies a signed HTTP request; resolves to who signed it or throws SigV4Rejected. */
  async verify(request: SignedRequest): Promise<SigV4Caller> {
    const headers = lowerCaseHeaders(request.headers);
    const auth = parseSigV4Authorization(headers.authorization ?? '', Boolean(headers['x-amz-date'] ?? headers.date));
    const signed = signedHeaderValues(auth, headers);
    const amzDate = signed['x-amz-date']!;
    checkScope(auth, { region: this.options.region, service: this.options.service }, amzDate);
    this.checkClock(amzDate, signingTime(amzDate));

    const principal = this.options.principals.get(auth.accessKeyId);
    if (!principal) {
      throw new SigV4Rejected('UnrecognizedClientException', INVALID_SECURITY_TOKEN, `SigV4: unknown access key ${auth.accessKeyId}`);
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
    return { accessKeyId: auth.accessKeyId, principal };
  }

  private checkClock(amzDate: string, signedAt: Date): void {
    const now = this.now();
    const at = (ms: number) => dateToAmzDate(new Date(ms));
    const skew = this.options.maxClockSkewMs ?? MAX_CLOCK_SKEW_MS;
    const minutes = Math.round(skew / 60_000);
    if (signedAt.getTime() < now - skew) {
      throw new SigV4Rejected(
        'BadRequestException',
        `Signature expired: ${amzDate} is now earlier than ${at(now - skew)} (${at(now)} - ${minutes} min.)`,
        `SigV4: signed at ${amzDate}, more than ${minutes} minutes before the local clock (${at(now)})`,
      );
    }
    if (signedAt.getTime() > now + skew) {
      throw new SigV4Rejected(
        'BadRequestException',
        `Signature not yet current: ${amzDate} is still later than ${at(now + skew)} (${at(now)} + ${minutes} min.)`,
        `SigV4: signed at ${amzDate}, more than ${minutes} minutes after the local clock (${at(now)})`,
      );
    }
  }

  private checkSessionToken(accessKeyId: string, principal: IamPrincipal, sent: string | undefined): void {
    if (principal.sessionToken === undefined ? sent !== undefined : sent === undefined || !sameText(sent, principal.sessionToken)) {
      throw new SigV4Rejected(
        'UnrecognizedClientException',
        INVALID_SECURITY_TOKEN,
        principal.sessionToken === undefined
          ? `SigV4: ${accessKeyId} is a long-term key, but a session token was sent`
          : `SigV4: ${accessKeyId} is temporary and ${sent === undefined ? 'no' : 'another'} session token was sent`,
      );
    }
    if (principal.expiration && principal.expiration.getTime() <= this.now()) {
      const reason = `SigV4: temporary credentials ${accessKeyId} expired at ${principal.expiration.toISOString()}`;
      throw new SigV4Rejected('ExpiredTokenException', EXPIRED_SECURITY_TOKEN, reason);
    }
  }
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
