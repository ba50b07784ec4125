import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlHttpError, appsyncIamClient } from '../../../../../functions/lib/aws/appsyncIam';
import { isPermanent } from '../../../../../functions/lib/errors';
import { parseSigV4Authorization, signedHeaderValues } from '../../../../../local/shared/sigv4/header';
import { recomputeSignature } from '../../../../../local/shared/sigv4/signature';

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

const CREDENTIALS = { accessKeyId: 'AKIDIMPORTER', secretAccessKey: 'importer-secret', sessionToken: 'importer-session' };
const QUERY = 'mutation ($eventId: ID!) { inviteAttendees(eventId: $eventId, attendees: []) { invited { email } } }';

let server: Server;
let url: string;
let received: Received[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{"data":{}}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  received = [];
  answer = { status: 200, body: '{"data":{}}' };
});

function headerValues(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
}

describe('GraphQL to AppSync signed with IAM', () => {
  it('posts the operation as JSON with a SigV4 signature for service appsync that the server can recompute', async () => {
    const graphql = appsyncIamClient({ url, region: 'eu-west-1', credentials: CREDENTIALS });
    await graphql(QUERY, { eventId: 'evt-1' });
    const [request] = received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/graphql');
    expect(JSON.parse(request.body)).toEqual({ query: QUERY, variables: { eventId: 'evt-1' } });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-amz-security-token']).toBe('importer-session');
    expect(request.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);

    const authorization = request.headers.authorization ?? '';
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDIMPORTER\/\d{8}\/eu-west-1\/appsync\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    const auth = parseSigV4Authorization(authorization, true);
    expect(auth.signedHeaders).toEqual(expect.arrayContaining(['content-type', 'host', 'x-amz-date', 'x-amz-security-token']));

    const headers = signedHeaderValues(auth, headerValues(request.headers));
    const recomputed = await recomputeSignature(
      { method: request.method, path: '/graphql', query: {}, headers, body: request.body },
      { ...CREDENTIALS, amzDate: headers['x-amz-date'], scope: auth.scope, region: auth.region, service: auth.service },
    );
    expect(recomputed.signature).toBe(auth.signature);
  });

  it('returns data and errors, keeping errorType and errorInfo', async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        data: { inviteAttendees: null },
        errors: [{ message: 'Nobody was invited.', errorType: 'LimitExceeded', errorInfo: { limit: 'maxInvitationsPerDay', value: 5000 }, path: ['inviteAttendees'], locations: [{ line: 1, column: 2 }] }],
      }),
    };
    const response = await appsyncIamClient({ url, region: 'eu-west-1', credentials: CREDENTIALS })(QUERY);
    expect(response).toEqual({
      data: { inviteAttendees: null },
      errors: [{ message: 'Nobody was invited.', errorType: 'LimitExceeded', errorInfo: { limit: 'maxInvitationsPerDay', value: 5000 }, path: ['inviteAttendees'] }],
    });
  });

  it('returns AppSync’s refusal of the request itself as errors', async () => {
    answer = { status: 401, body: JSON.stringify({ errors: [{ errorType: 'UnauthorizedException', message: 'Permission denied' }] }) };
    const response = await appsyncIamClient({ url, region: 'eu-west-1', credentials: CREDENTIALS })(QUERY);
    expect(response).toEqual({ data: null, errors: [{ message: 'Permission denied', errorType: 'UnauthorizedException', errorInfo: null, path: null }] });
  });

  it('throws a retryable GraphqlHttpError for an answer that is not GraphQL', async () => {
    for (const bad of [
      { status: 502, body: '<html>Bad Gateway</html>' },
      { status: 500, body: JSON.stringify({ errors: [{ message: 'Internal' }] }) },
      { status: 200, body: '' },
    ]) {
      answer = bad;
      const failure = await appsyncIamClient({ url, region: 'eu-west-1', credentials: CREDENTIALS })(QUERY).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(GraphqlHttpError);
      expect(failure).toMatchObject({ status: bad.status });
      expect(isPermanent(failure)).toBe(false);
    }
  });

  it('signs with the default credential chain when given none (here, the environment)', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, token: process.env.AWS_SESSION_TOKEN };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'env-secret';
    delete process.env.AWS_SESSION_TOKEN;
    try {
      await appsyncIamClient({ url, region: 'us-east-1' })(QUERY);
    } finally {
      for (const [name, value] of [
        ['AWS_ACCESS_KEY_ID', saved.id],
        ['AWS_SECRET_ACCESS_KEY', saved.secret],
        ['AWS_SESSION_TOKEN', saved.token],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(received[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFROMENV\/\d{8}\/us-east-1\/appsync\/aws4_request, /);
    expect(received[0].headers['x-amz-security-token']).toBeUndefined();
  });

  it('gives up after the timeout', async () => {
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
      await expect(appsyncIamClient({ url: slowUrl, region: 'eu-west-1', credentials: CREDENTIALS, timeoutMs: 100 })(QUERY)).rejects.toThrow(/timeout|aborted/i);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
