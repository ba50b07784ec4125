// AWS_IAM mode: requests signed with the AWS SDK's own SigV4 signer (@smithy/signature-v4),
// service "appsync", with the local credentials from endpoints.json, as any AWS client signs
// them. https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-iam-authorization
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { apiKeyAuth, endpoints, RealtimeClient } from './helpers';

function signer(secretAccessKey = endpoints().credentials.secretAccessKey) {
  return new SignatureV4({
    service: 'appsync',
    region: endpoints().region,
    credentials: { accessKeyId: endpoints().credentials.accessKeyId, secretAccessKey },
    sha256: Sha256,
  });
}

async function signedPost(body: string, secretAccessKey?: string) {
  const url = new URL(endpoints().graphqlUrl);
  const signed = await signer(secretAccessKey).sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  return signed.headers as Record<string, string>;
}

async function call(query: string, variables: Record<string, unknown> = {}, secretAccessKey?: string) {
  const body = JSON.stringify({ query, variables });
  const headers = await signedPost(body, secretAccessKey);
  const response = await fetch(endpoints().graphqlUrl, { method: 'POST', headers, body });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

describe('AWS_IAM authorization', () => {
  it('accepts a request signed with the local credentials, on fields that allow @aws_iam', async () => {
    const result = await call('query { echo(message: "signed") { message } }');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { echo: { message: 'signed' } } });
  });

  it('gives resolvers the IAM identity', async () => {
    const result = await call('query { context }');
    const context = JSON.parse(result.body.data.context);
    expect(context.authType).toBe('IAM Authorization');
    expect(context.identity).toMatchObject({
      accountId: '000000000000',
      userArn: 'arn:aws:iam::000000000000:user/local-developer',
      sourceIp: ['127.0.0.1'],
    });
  });

  it('refuses fields without @aws_iam with Unauthorized', async () => {
    const result = await call('query { books(count: 1) { id } }');
    expect(result.body.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access books on type Query' });
  });

  it('refuses a wrong signature with 403 InvalidSignatureException', async () => {
    const result = await call('query { echo(message: "x") { message } }', {}, 'not-the-secret');
    expect(result.status).toBe(403);
    expect(result.errorType).toBe('InvalidSignatureException');
    expect(result.body.errors[0].errorType).toBe('InvalidSignatureException');
  });

  it('refuses a body changed after signing', async () => {
    const headers = await signedPost(JSON.stringify({ query: '{ echo(message: "a") { message } }' }));
    const response = await fetch(endpoints().graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query: '{ echo(message: "b") { message } }' }) });
    expect(response.status).toBe(403);
  });

  it('authorizes a realtime subscription start signed the way Amplify signs it', async () => {
    const client = new RealtimeClient(apiKeyAuth());
    try {
      await client.init();
      const query = 'subscription { onMessage(room: "iam") { id } }';
      const data = JSON.stringify({ query, variables: {} });
      const url = new URL(endpoints().graphqlUrl);
      const signed = await signer().sign({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        headers: { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8', host: url.host },
        body: data,
      });
      client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization: signed.headers } } });
      expect(await client.next((f) => f.id === 'iam' && (f.type === 'start_ack' || f.type === 'error'))).toEqual({ type: 'start_ack', id: 'iam' });
    } finally {
      client.close();
    }
  });
});
