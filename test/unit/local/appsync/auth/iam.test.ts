// SigV4 verification for AWS_IAM callers: requests are signed by the AWS SDK's own signer
// (@smithy/signature-v4), as the SDK and Amplify sign AppSync calls (service "appsync").
// Error types and texts: sources in local/shared/sigv4/errors.ts.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { AppSyncIamAuth, IamRequestRejected } from '../../../../../local/appsync/auth/iam';
import { SIGNATURE_MISMATCH } from '../../../../../local/shared/sigv4/errors';
import { LOCAL_IAM_USER_ARN, localIamPrincipals, type IamPrincipal, type SignedRequest } from '../../../../../local/shared/sigv4/verifier';
import { UnauthorizedRequest } from '../../../../../local/appsync/auth/unauthorized';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../../local/shared/localCredentials';

const SIGNED_AT = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOST = '127.0.0.1:4443';
const BODY = JSON.stringify({ query: 'query { listEvents { id } }', variables: {} });
const SOURCE_IP = ['127.0.0.1'];

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

type SignOptions = {
  body?: string;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  credentials?: Credentials;
  region?: string;
  service?: string;
  signedAt?: number;
  /** The SDK's default adds x-amz-content-sha256; Amplify's signer does not. */
  applyChecksum?: boolean;
  /** Headers to sign that the SDK leaves out by default (user-agent, ...). */
  signableHeaders?: string[];
};

type SmithyRequest = Parameters<SignatureV4['presign']>[0];

async function signedRequest(options: SignOptions = {}): Promise<SignedRequest> {
  const body = options.body ?? BODY;
  const signer = new SignatureV4({
    service: options.service ?? 'appsync',
    region: options.region ?? LOCAL_REGION,
    credentials: options.credentials ?? LOCAL_CREDENTIALS,
    sha256: Sha256,
    applyChecksum: options.applyChecksum,
  });
  const request: SmithyRequest = {
    method: options.method ?? 'POST',
    protocol: 'https:',
    hostname: '127.0.0.1',
    port: 4443,
    path: options.path ?? '/graphql',
    query: options.query ?? {},
    headers: { host: HOST, 'content-type': 'application/json; charset=UTF-8', ...options.headers },
    body,
  };
  const signed = await signer.sign(request, {
    signingDate: new Date(options.signedAt ?? SIGNED_AT),
    signableHeaders: options.signableHeaders && new Set(options.signableHeaders),
  });
  const query = new URLSearchParams(options.query ?? {}).toString().replace(/\+/g, '%20');
  return { method: signed.method, path: signed.path, query, headers: { ...signed.headers }, body: Buffer.from(body) };
}

function verifier(options: { now?: number; principals?: ReadonlyMap<string, IamPrincipal> } = {}) {
  return new AppSyncIamAuth({ region: LOCAL_REGION, principals: options.principals ?? localIamPrincipals(), now: () => options.now ?? SIGNED_AT });
}

async function rejection(promise: Promise<unknown>): Promise<IamRequestRejected> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IamRequestRejected);
  expect(error).toBeInstanceOf(UnauthorizedRequest);
  expect((error as IamRequestRejected).reason).toMatch(/^SigV4: /);
  return error as IamRequestRejected;
}

function withHeader(request: SignedRequest, name: string, value: string): SignedRequest {
  return { ...request, headers: { ...request.headers, [name]: value } };
}

describe('IAM (SigV4) verification', () => {
  it('accepts a request signed as the SDK signs it and returns the IAM identity', async () => {
    const request = await signedRequest();
    expect(request.headers['x-amz-content-sha256']).toBeDefined();
    await expect(verifier().verify(request, SOURCE_IP)).resolves.toEqual({
      accountId: LOCAL_ACCOUNT_ID,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: SOURCE_IP,
      username: 'AIDALOCALDEVELOPER000',
      userArn: LOCAL_IAM_USER_ARN,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    });
    expect(LOCAL_IAM_USER_ARN).toBe('arn:aws:iam::000000000000:user/local-developer');
  });

  it('accepts a request signed without x-amz-content-sha256, as Amplify signs', async () => {
    const request = await signedRequest({ applyChecksum: false });
    expect(request.headers['x-amz-content-sha256']).toBeUndefined();
    await expect(verifier().verify(request, SOURCE_IP)).resolves.toMatchObject({ userArn: LOCAL_IAM_USER_ARN });
  });

  it('accepts a signed query string and a header the SDK would not sign by default', async () => {
    const request = await signedRequest({
      method: 'GET',
      query: { query: 'query { a(b: "c d") }', 'x-y': 'ü/+=' },
      headers: { 'user-agent': 'aws-sdk-js/3' },
      signableHeaders: ['user-agent'],
    });
    expect(request.headers.authorization).toContain('user-agent');
    await expect(verifier().verify(request, SOURCE_IP)).resolves.toBeDefined();
    await rejection(verifier().verify({ ...request, query: `${request.query}&extra=1` }, SOURCE_IP));
    await rejection(verifier().verify(withHeader(request, 'user-agent', 'curl/8'), SOURCE_IP));
  });

  it('accepts temporary credentials with their session token', async () => {
    const credentials = { accessKeyId: 'ASIALOCALTEMPORARY01', secretAccessKey: 'temporary-secret', sessionToken: 'session-token-1' };
    const principals = new Map<string, IamPrincipal>([
      [
        credentials.accessKeyId,
        {
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
          accountId: '111122223333',
          userArn: 'arn:aws:sts::111122223333:assumed-role/Dispatch/fn',
          username: 'AROALOCAL:fn',
        },
      ],
    ]);
    const request = await signedRequest({ credentials });
    expect(request.headers['x-amz-security-token']).toBe('session-token-1');
    await expect(verifier({ principals }).verify(request, SOURCE_IP)).resolves.toMatchObject({ accountId: '111122223333', username: 'AROALOCAL:fn' });

    const wrongToken = await rejection(verifier({ principals }).verify(withHeader(request, 'x-amz-security-token', 'other'), SOURCE_IP));
    expect(wrongToken.errorType).toBe('UnrecognizedClientException');
    const expired = new Map([[credentials.accessKeyId, { ...principals.get(credentials.accessKeyId)!, expiration: new Date(SIGNED_AT - 1) }]]);
    const expiredError = await rejection(verifier({ principals: expired }).verify(request, SOURCE_IP));
    expect([expiredError.errorType, expiredError.status, expiredError.message]).toEqual(['ExpiredTokenException', 403, 'The security token included in the request is expired']);
  });

  it('refuses a body changed after signing', async () => {
    const request = await signedRequest({ applyChecksum: false });
    const error = await rejection(verifier().verify({ ...request, body: BODY.replace('listEvents', 'listUsers') }, SOURCE_IP));
    expect([error.errorType, error.status]).toEqual(['InvalidSignatureException', 403]);

    // x-amz-content-sha256 is S3's: AppSync hashes the body it received, so a signed header
    // naming another body is just a signature that does not match.
    const withChecksum = await signedRequest();
    const checksum = await rejection(verifier().verify({ ...withChecksum, body: '{}' }, SOURCE_IP));
    expect([checksum.errorType, checksum.status]).toEqual(['InvalidSignatureException', 403]);
  });

  it('refuses a signed header changed after signing, quoting the canonical request as AppSync does', async () => {
    const request = await signedRequest();
    const error = await rejection(verifier().verify(withHeader(request, 'content-type', 'text/plain'), SOURCE_IP));
    expect(error.errorType).toBe('InvalidSignatureException');
    expect(error.message.startsWith(`${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'POST\n/graphql\n\n`)).toBe(true);
    expect(error.message).toContain('content-type:text/plain\nhost:127.0.0.1:4443\n');
    expect(error.message).toContain("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260115T120000Z\n20260115/us-east-1/appsync/aws4_request\n");
  });

  it('refuses a signature made with the wrong secret', async () => {
    const request = await signedRequest({ credentials: { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const error = await rejection(verifier().verify(request, SOURCE_IP));
    expect([error.errorType, error.status]).toEqual(['InvalidSignatureException', 403]);
    expect(error.reason).toContain('signature mismatch');
  });

  it('refuses an unknown access key', async () => {
    const request = await signedRequest({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } });
    const error = await rejection(verifier().verify(request, SOURCE_IP));
    expect([error.errorType, error.status, error.message]).toEqual(['UnrecognizedClientException', 403, 'The security token included in the request is invalid.']);
  });

  it('refuses a request signed for another region or service', async () => {
    const region = await rejection(verifier().verify(await signedRequest({ region: 'eu-west-1' }), SOURCE_IP));
    expect([region.errorType, region.message]).toEqual(['InvalidSignatureException', "Credential should be scoped to a valid region, not 'eu-west-1'. "]);
    const service = await rejection(verifier().verify(await signedRequest({ service: 'execute-api' }), SOURCE_IP));
    expect([service.errorType, service.message]).toEqual(['InvalidSignatureException', "Credential should be scoped to correct service: 'appsync'. "]);
  });

  it('allows 5 minutes of clock skew either way, and no more', async () => {
    const request = await signedRequest();
    const fiveMinutes = 5 * 60 * 1000;
    await expect(verifier({ now: SIGNED_AT + fiveMinutes }).verify(request, SOURCE_IP)).resolves.toBeDefined();
    await expect(verifier({ now: SIGNED_AT - fiveMinutes }).verify(request, SOURCE_IP)).resolves.toBeDefined();

    const expired = await rejection(verifier({ now: SIGNED_AT + fiveMinutes + 1000 }).verify(request, SOURCE_IP));
    expect([expired.errorType, expired.status, expired.message]).toEqual([
      'BadRequestException',
      400,
      'Signature expired: 20260115T120000Z is now earlier than 20260115T120001Z (20260115T120501Z - 5 min.)',
    ]);
    const early = await rejection(verifier({ now: SIGNED_AT - fiveMinutes - 1000 }).verify(request, SOURCE_IP));
    expect(early.message).toBe('Signature not yet current: 20260115T120000Z is still later than 20260115T115959Z (20260115T115459Z + 5 min.)');
  });

  it('refuses a malformed Authorization header with IncompleteSignatureException', async () => {
    const request = await signedRequest();
    const cases: Array<[string, string]> = [
      [
        'eyJraWQiOiJrIn0.eyJzdWIiOiJ1In0.c2ln',
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=eyJraWQiOiJrIn0.eyJzdWIiOiJ1In0.c2ln",
      ],
      [
        'AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date',
        "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date",
      ],
      [
        'AWS4-HMAC-SHA256 Credential AKIA/20260115/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
        "'Credential AKIA/20260115/us-east-1/appsync/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential AKIA/20260115/us-east-1/appsync/aws4_request, SignedHeaders=host;x-amz-date, Signature=00'.",
      ],
      [
        'AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1, SignedHeaders=host;x-amz-date, Signature=00',
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIA/20260115/us-east-1'",
      ],
      [
        'AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1/appsync/aws4_request, SignedHeaders=accept;host;x-amz-date, Signature=00',
        "'accept' is named as a SignedHeader, but it does not exist in the HTTP request.",
      ],
    ];
    for (const [authorization, message] of cases) {
      const error = await rejection(verifier().verify(withHeader(request, 'authorization', authorization), SOURCE_IP));
      expect([error.errorType, error.status, error.message]).toEqual(['IncompleteSignatureException', 400, message]);
    }
    const { 'x-amz-date': _omitted, ...withoutDate } = request.headers;
    const noDate = await rejection(verifier().verify({ ...request, headers: withoutDate }, SOURCE_IP));
    expect(noDate.message).toContain("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  });

  it('requires host and x-amz-date to be signed', async () => {
    const request = await signedRequest();
    const unsigned = (list: string) => String(request.headers.authorization).replace(/SignedHeaders=[^,]+/, `SignedHeaders=${list}`);
    const host = await rejection(verifier().verify(withHeader(request, 'authorization', unsigned('content-type;x-amz-date')), SOURCE_IP));
    expect(host.message).toBe("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    const date = await rejection(verifier().verify(withHeader(request, 'authorization', unsigned('content-type;host')), SOURCE_IP));
    expect(date.message).toBe("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
  });

  it('refuses a credential scope dated another day than X-Amz-Date', async () => {
    const request = await signedRequest();
    const error = await rejection(verifier().verify(withHeader(request, 'x-amz-date', '20260116T120000Z'), SOURCE_IP));
    expect(error.message).toBe("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260115' != '20260116', from '20260116T120000Z'.");
  });
});

describe('IAM realtime handshake', () => {
  // Amplify JS v6 signs the handshake headers for POST <graphql url>/connect with body "{}"
  // and these fixed headers (api-graphql AWS_APPSYNC_REALTIME_HEADERS; appsync.md section 9).
  const REALTIME_HEADERS = { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8' };
  const credentials = { ...LOCAL_CREDENTIALS, sessionToken: 'identity-pool-session' };
  const principals = new Map<string, IamPrincipal>([
    [credentials.accessKeyId, { ...localIamPrincipals().get(credentials.accessKeyId)!, sessionToken: credentials.sessionToken }],
  ]);

  async function amplifyConnectHeaders(path = '/graphql/connect', payload = '{}') {
    const signer = new SignatureV4({ service: 'appsync', region: LOCAL_REGION, credentials, sha256: Sha256, applyChecksum: false });
    const signed = await signer.sign(
      { method: 'POST', protocol: 'https:', hostname: '127.0.0.1', port: 4443, path, query: {}, headers: { ...REALTIME_HEADERS, host: HOST }, body: payload },
      { signingDate: new Date(SIGNED_AT) },
    );
    return signed.headers;
  }

  /** What the server reads back from the `header-<base64url JSON>` subprotocol. */
  function throughSubprotocol(headers: Record<string, string | undefined>): Record<string, string> {
    const protocol = `header-${Buffer.from(JSON.stringify(headers)).toString('base64url')}`;
    return JSON.parse(Buffer.from(protocol.slice('header-'.length), 'base64url').toString('utf8')) as Record<string, string>;
  }

  it('accepts the /connect headers Amplify sends', async () => {
    const headers = throughSubprotocol(await amplifyConnectHeaders());
    expect(Object.keys(headers).sort()).toEqual(['accept', 'authorization', 'content-encoding', 'content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
    await expect(verifier({ principals }).verifyRealtimeConnect(headers, SOURCE_IP)).resolves.toMatchObject({ userArn: LOCAL_IAM_USER_ARN, sourceIp: SOURCE_IP });
  });

  it('accepts header names in the capitalization of the AppSync realtime guide', async () => {
    const { authorization, 'x-amz-security-token': token, ...rest } = await amplifyConnectHeaders();
    const headers = { ...rest, Authorization: authorization, 'X-Amz-Security-Token': token };
    await expect(verifier({ principals }).verifyRealtimeConnect(headers, SOURCE_IP)).resolves.toBeDefined();
  });

  it('refuses headers signed for another path or payload', async () => {
    const forGraphql = await rejection(verifier({ principals }).verifyRealtimeConnect(await amplifyConnectHeaders('/graphql'), SOURCE_IP));
    expect(forGraphql.errorType).toBe('InvalidSignatureException');
    expect(forGraphql.message).toContain("should have been\n'POST\n/graphql/connect\n\n");
    const otherPayload = await rejection(verifier({ principals }).verifyRealtimeConnect(await amplifyConnectHeaders('/graphql/connect', '{"a":1}'), SOURCE_IP));
    expect(otherPayload.errorType).toBe('InvalidSignatureException');
  });

  it('verifies the authorization of a start message, signed over its data string for the GraphQL path', async () => {
    const data = JSON.stringify({ query: 'subscription { onInvite { id } }', variables: {} });
    const headers = await amplifyConnectHeaders('/graphql', data);
    await expect(verifier({ principals }).verifyRealtimeStart(headers, data, SOURCE_IP)).resolves.toBeDefined();
    await rejection(verifier({ principals }).verifyRealtimeStart(headers, data.replace('onInvite', 'onOther'), SOURCE_IP));
  });
});
