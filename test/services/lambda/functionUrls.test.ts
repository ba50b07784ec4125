// Function URLs (AWS::Lambda::Url) of a CDK stack, each on its own listener, called over plain
// HTTP: the payload format 2.0 event the function gets, how its response becomes the HTTP
// answer, AWS_IAM against NONE, and CORS as the URL's configuration sets it.
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
// https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
// https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLambda, type RunningLambda } from '../../../local/lambda';
import { startFunctionUrls, type FunctionUrls } from '../../../local/lambda/functionUrls';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/shared/localCredentials';
import { LocalServices } from '../../../local/shared/localServices';
import { LOCAL_IAM_USER_ARN, LOCAL_IAM_USER_ID } from '../../../local/shared/sigv4/verifier';
import { readCloudAssembly } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { functionUrlCloudAssembly, FUNCTION_URL_STACK } from '../../fixtures/functionUrlStack/functionUrlStack';
import { memoryLogger } from './lambdaHarness';

let urls: FunctionUrls;
let lambda: RunningLambda;
const logger = memoryLogger();

/** The local URL of the function `name` of the fixture stack (`http://127.0.0.1:<port>/`). */
const urlOf = (name: string) => urls.urls.find((u) => u.config.path === `${FUNCTION_URL_STACK}/${name}/FunctionUrl`)!.url;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; text: string };

/** One HTTP request as sent (repeated headers stay separate lines, unlike fetch). */
function call(url: string, options: { method?: string; path?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(options.path ?? '/', url), { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The event the function received (the fixture echoes it as its JSON body). */
async function eventFor(url: string, options: Parameters<typeof call>[1] = {}): Promise<any> {
  const answer = await call(url, options);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.text);
}

beforeAll(async () => {
  const assembly = readCloudAssembly(functionUrlCloudAssembly(), FUNCTION_URL_STACK);
  const model = new StackModel(assembly.template, { region: LOCAL_REGION, accountId: LOCAL_ACCOUNT_ID, stackName: assembly.stackName, runtimeAttributes: new Map() });
  // As local/stack.ts does: the URLs listen first, so the functions' environments name them.
  urls = await startFunctionUrls({ model, logger });
  lambda = await startLambda({
    model,
    assembly,
    port: 0,
    runtimeEnvironment: { AWS_REGION: LOCAL_REGION, AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey },
    services: new LocalServices(),
    logger,
  });
  urls.serve(lambda.lambda);
}, 120_000);

afterAll(async () => {
  await urls?.stop();
  await lambda?.stop();
});

describe('the URLs', () => {
  it('listen each on its own origin, which Fn::GetAtt FunctionUrl gives to the template', async () => {
    expect(urls.urls).toHaveLength(5);
    expect(new Set(urls.urls.map((u) => u.url)).size).toBe(5);
    for (const { url } of urls.urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(JSON.parse((await call(urlOf('Open'), { path: '/env' })).text)).toEqual({ publicUrl: urlOf('Public') });
  });
});

describe('the request event (payload format 2.0)', () => {
  it('carries the path, the raw and parsed query string and the request context', async () => {
    const url = urlOf('Open');
    const port = new URL(url).port;
    const before = Date.now();
    const event = await eventFor(url, { path: '/my/path?parameter1=value1&parameter1=value2&parameter2=hello%20world', headers: { 'user-agent': 'agent/1.0' } });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/my/path',
      rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=hello%20world',
      queryStringParameters: { parameter1: 'value1,value2', parameter2: 'hello world' },
      isBase64Encoded: false,
      requestContext: {
        accountId: LOCAL_ACCOUNT_ID,
        apiId: expect.stringMatching(/^[a-z0-9]{32}$/),
        domainName: `127.0.0.1:${port}`,
        http: { method: 'GET', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'agent/1.0' },
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        routeKey: '$default',
        stage: '$default',
        time: expect.stringMatching(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
      },
    });
    expect(event.requestContext.domainPrefix).toBe(event.requestContext.apiId);
    expect(event.requestContext.timeEpoch).toBeGreaterThanOrEqual(before);
    expect(event.body).toBeUndefined();
  });

  it('leaves out queryStringParameters and cookies when there are none', async () => {
    const event = await eventFor(urlOf('Open'));
    expect([event.rawPath, event.rawQueryString]).toEqual(['/', '']);
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('cookies');
  });

  it('lower-cases header names, joins repeated headers with commas and moves cookies to their own list', async () => {
    const event = await eventFor(urlOf('Open'), { headers: { 'X-Custom-Header': 'Value', Header2: ['value1', 'value2'], Cookie: 'cookie1=a; cookie2=b' } });
    expect(event.headers).toMatchObject({ 'x-custom-header': 'Value', header2: 'value1,value2', 'x-forwarded-proto': 'http', 'x-forwarded-for': '127.0.0.1' });
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event.headers).not.toHaveProperty('cookie');
    expect(event.cookies).toEqual(['cookie1=a', 'cookie2=b']);
  });

  it('hands a text body as it is, and a binary body base64-encoded with isBase64Encoded', async () => {
    const json = await eventFor(urlOf('Open'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
    expect([json.body, json.isBase64Encoded, json.requestContext.http.method]).toEqual(['{"hello":"world"}', false, 'POST']);
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff]);
    const binary = await eventFor(urlOf('Open'), { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect([binary.body, binary.isBase64Encoded]).toEqual([bytes.toString('base64'), true]);
  });
});

describe('the response', () => {
  it('sends statusCode, headers, cookies as Set-Cookie headers, and a base64 body decoded', async () => {
    const binary = await call(urlOf('Open'), { path: '/binary' });
    expect(binary.status).toBe(201);
    expect(binary.headers['content-type']).toBe('image/png');
    expect(binary.headers['x-shape']).toBe('binary');
    expect(binary.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]));
    expect(binary.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);

    const cookies = await call(urlOf('Open'), { path: '/cookies' });
    expect([cookies.status, cookies.headers.location, cookies.headers['set-cookie']]).toEqual([302, '/home', ['session=abc; HttpOnly; Path=/', 'theme=dark']]);
    expect(cookies.body.length).toBe(0);
  });

  it('sends a returned value without statusCode as a 200 JSON body', async () => {
    const object = await call(urlOf('Open'), { path: '/object' });
    expect([object.status, object.headers['content-type'], JSON.parse(object.text)]).toEqual([200, 'application/json', { message: 'hi', count: 2 }]);
    const text = await call(urlOf('Open'), { path: '/string' });
    expect([text.status, text.headers['content-type'], text.text]).toEqual([200, 'application/json', '"Hello, world!"']);
  });

  it('frames the body itself, whatever Content-Length or Transfer-Encoding the function sets', async () => {
    const answer = await call(urlOf('Open'), { path: '/own-length' });
    expect([answer.status, answer.text, answer.headers['content-length'], answer.headers['transfer-encoding']]).toEqual([200, 'framed', '6', undefined]);
  });

  it('answers 502 when the function fails or returns a response Lambda cannot send', async () => {
    for (const path of ['/fail', '/malformed']) {
      const answer = await call(urlOf('Open'), { path });
      expect([answer.status, answer.text]).toEqual([502, 'Internal Server Error']);
    }
    expect(logger.lines.some((line) => line.includes('failed (Error: boom): 502'))).toBe(true);
  });

  it('answers 429 for a function with reserved concurrency 0, and 413 for a body over 6 MB', async () => {
    const throttled = await call(urlOf('Throttled'));
    expect([throttled.status, throttled.headers['x-amzn-errortype']]).toEqual([429, 'TooManyRequestsException']);
    const tooLarge = await call(urlOf('Open'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(6 * 1024 * 1024 + 1, 'a') });
    expect([tooLarge.status, tooLarge.headers['x-amzn-errortype']]).toEqual([413, 'RequestEntityTooLargeException']);
  });
});

describe('AuthType', () => {
  const signer = new SignatureV4({ service: 'lambda', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });

  async function signedCall(url: string, method: string, path: string, query: Record<string, string>, body?: string, secretAccessKey?: string) {
    const target = new URL(url);
    const headers: Record<string, string> = { host: target.host, ...(body ? { 'content-type': 'application/json' } : {}) };
    const usedSigner = secretAccessKey ? new SignatureV4({ service: 'lambda', region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS, secretAccessKey }, sha256: Sha256 }) : signer;
    const signed = await usedSigner.sign({ method, protocol: 'http:', hostname: target.hostname, port: Number(target.port), path, query, headers, body });
    const search = new URLSearchParams(query).toString();
    return call(url, { method, path: search ? `${path}?${search}` : path, headers: signed.headers, body });
  }

  it('lets anyone call a NONE URL', async () => {
    expect((await call(urlOf('Open'))).status).toBe(200);
  });

  it('refuses an unsigned request to an AWS_IAM URL with 403 Forbidden, without invoking the function', async () => {
    const answer = await call(urlOf('Private'), { path: '/fail' });
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(JSON.parse(answer.text).Message).toMatch(/^Forbidden\. For troubleshooting Function URL authorization issues/);
  });

  it('runs a request signed with the local credentials, and names the caller in requestContext.authorizer.iam', async () => {
    const answer = await signedCall(urlOf('Private'), 'POST', '/signed/path', { a: '1' }, '{"x":1}');
    expect(answer.status).toBe(200);
    const event = JSON.parse(answer.text);
    expect([event.rawPath, event.rawQueryString, event.body]).toEqual(['/signed/path', 'a=1', '{"x":1}']);
    expect(event.requestContext.authorizer.iam).toMatchObject({
      accessKey: LOCAL_CREDENTIALS.accessKeyId,
      accountId: LOCAL_ACCOUNT_ID,
      userArn: LOCAL_IAM_USER_ARN,
      userId: LOCAL_IAM_USER_ID,
    });
  });

  it('refuses a signature made with another secret key', async () => {
    const answer = await signedCall(urlOf('Private'), 'GET', '/', {}, undefined, 'not-the-local-secret');
    expect(answer.status).toBe(403);
    expect(answer.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string, method: string, headers: Record<string, string> = {}) =>
    call(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, ...headers } });

  it('answers a preflight from the configuration without invoking the function', async () => {
    const answer = await preflight(urlOf('Public'), 'https://app.example.com', 'POST', { 'access-control-request-headers': 'content-type' });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(0);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'content-type,x-custom',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
    });
  });

  it('gives no CORS headers to an origin or method the configuration does not allow', async () => {
    for (const answer of [await preflight(urlOf('Public'), 'https://evil.example', 'GET'), await preflight(urlOf('Public'), 'https://app.example.com', 'DELETE')]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('allows any origin and echoes the requested headers with wildcards', async () => {
    const answer = await preflight(urlOf('AnyOrigin'), 'http://localhost:5173', 'DELETE', { 'access-control-request-headers': 'authorization,x-trace' });
    expect(answer.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-methods': '*', 'access-control-allow-headers': 'authorization,x-trace' });
  });

  it('adds the configured headers to responses, in place of the function\'s own', async () => {
    const answer = await call(urlOf('Public'), { path: '/own-cors', headers: { origin: 'https://app.example.com' } });
    expect(answer.text).toBe('own');
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-shape',
    });
    // Without a configured origin match the function's own header stays.
    expect((await call(urlOf('Public'), { path: '/own-cors' })).headers['access-control-allow-origin']).toBe('https://function.example');
  });

  it('passes OPTIONS to the function when the URL has no CORS configuration', async () => {
    const event = await eventFor(urlOf('Open'), { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
    expect(event.requestContext.http.method).toBe('OPTIONS');
  });
});
