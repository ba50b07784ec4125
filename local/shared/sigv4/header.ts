// Reads a SigV4 Authorization header and checks what can be checked before any hashing:
// the signed-header list, X-Amz-Date and the credential scope.
//   AWS4-HMAC-SHA256 Credential=<key id>/<yyyymmdd>/<region>/<service>/aws4_request,
//   SignedHeaders=<h1;h2;...>, Signature=<64 hex>
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
// A header AWS cannot read is an IncompleteSignatureException. Each message notes where its
// text comes from; the few without a source are marked so.
import { SigV4Rejected } from './errors';
import { amzDateToDate } from './signature';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
const CREDENTIAL_TERMINATOR = 'aws4_request';

export type SigV4Authorization = {
  accessKeyId: string;
  /** yyyymmdd from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  /** The scope as signed: `<date>/<region>/<service>/<terminator>`. */
  scope: string;
  signedHeaders: string[];
  signature: string;
};

/** Whether a header value claims to be SigV4 (the other modes put a token in Authorization). */
export function isSigV4Authorization(value: string): boolean {
  return value.startsWith(`${SIGV4_ALGORITHM} `);
}

/**
 * Parses the header; `hasDateHeader` says whether the request carries `x-amz-date` (or
 * `date`), which AWS names in the same message as the missing parameters.
 */
export function parseSigV4Authorization(value: string, hasDateHeader: boolean): SigV4Authorization {
  const params = new Map<string, string>();
  if (isSigV4Authorization(value)) {
    for (const part of value.slice(SIGV4_ALGORITHM.length + 1).split(',')) {
      const pair = part.trim();
      if (!pair) continue;
      const equals = pair.indexOf('=');
      if (equals < 0) {
        // Wording of AWS JSON services (e.g. https://github.com/iann0036/cloud9-sync/issues/10).
        throw new SigV4Rejected(
          'IncompleteSignatureException',
          `'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${value}'.`,
          `SigV4: Authorization part '${pair}' has no '='`,
        );
      }
      params.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
    }
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
  if (missing.length > 0 || !hasDateHeader) {
    // AppSync's text for a non-SigV4 or incomplete header (https://github.com/aws-amplify/amplify-js/issues/7906).
    const requirements = missing.map((name) => `Authorization header requires '${name}' parameter.`);
    if (!hasDateHeader) requirements.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    throw new SigV4Rejected(
      'IncompleteSignatureException',
      `${requirements.join(' ')} Authorization=${value}`,
      `SigV4: Authorization lacks ${[...missing, ...(hasDateHeader ? [] : ['an X-Amz-Date header'])].join(', ')}`,
    );
  }

  const credential = params.get('Credential')!;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => !p)) {
    // Wording from memory of AWS responses; no source found for it.
    throw new SigV4Rejected(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
      `SigV4: Credential '${credential}' is not <key id>/<date>/<region>/<service>/aws4_request`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  const signature = params.get('Signature')!;
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    scope: parts.slice(1).join('/'),
    signedHeaders: params
      .get('SignedHeaders')!
      .split(';')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
    signature,
  };
}

/** The checks AWS makes on the scope before it computes anything. */
export function checkScope(auth: SigV4Authorization, expected: { region: string; service: string }, amzDate: string): void {
  // Texts of the SigV4 troubleshooting guide as AWS services send them (e.g.
  // https://github.com/cognitect-labs/aws-api/issues/27, https://github.com/aws/aws-sdk-go-v2/issues/163);
  // the "'a' != 'b', from 'c'." tail of the date message is from memory of real responses.
  if (auth.scopeDate !== amzDate.slice(0, 8)) {
    throw new SigV4Rejected(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      `SigV4: credential scope date ${auth.scopeDate} is not the day of X-Amz-Date ${amzDate}`,
    );
  }
  if (auth.region !== expected.region) {
    throw new SigV4Rejected(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${auth.region}'. `,
      `SigV4: signed for region ${auth.region}, the API is in ${expected.region}`,
    );
  }
  if (auth.service !== expected.service) {
    throw new SigV4Rejected(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${expected.service}'. `,
      `SigV4: signed for service ${auth.service}, AppSync's signing name is ${expected.service}`,
    );
  }
  if (auth.terminator !== CREDENTIAL_TERMINATOR) {
    // Wording from memory of AWS responses; no source found for it.
    throw new SigV4Rejected(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: '${CREDENTIAL_TERMINATOR}', not '${auth.terminator}'. `,
      `SigV4: credential scope ends in ${auth.terminator}, not ${CREDENTIAL_TERMINATOR}`,
    );
  }
}

/** The values of the headers the client signed; `host` and `x-amz-date` must be among them. */
export function signedHeaderValues(auth: SigV4Authorization, headers: Record<string, string>): Record<string, string> {
  if (!auth.signedHeaders.includes('host')) {
    // DynamoDB's text (https://github.com/aws/aws-sdk-php/issues/2469).
    throw new SigV4Rejected(
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      'SigV4: host is not a signed header',
    );
  }
  if (headers['x-amz-date'] === undefined || !auth.signedHeaders.includes('x-amz-date')) {
    // SDKs and Amplify always sign X-Amz-Date; a signed Date header instead is not taken here.
    // Wording modelled on the host rule (no AWS text found for this case).
    throw new SigV4Rejected(
      'InvalidSignatureException',
      "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
      'SigV4: x-amz-date is missing or not signed',
    );
  }
  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headers[name];
    if (value === undefined) {
      // AppSync's text (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/702).
      throw new SigV4Rejected(
        'IncompleteSignatureException',
        `'${name}' is named as a SignedHeader, but it does not exist in the HTTP request.`,
        `SigV4: signed header ${name} is not in the request`,
      );
    }
    signed[name] = value;
  }
  return signed;
}

/** X-Amz-Date as a time; it must be basic ISO-8601 (yyyymmddThhmmssZ). */
export function signingTime(amzDate: string): Date {
  const date = amzDateToDate(amzDate);
  if (!date) {
    // Wording from memory of AWS responses; no source found for it.
    throw new SigV4Rejected(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      `SigV4: X-Amz-Date ${amzDate} is not yyyymmddThhmmssZ`,
    );
  }
  return date;
}
