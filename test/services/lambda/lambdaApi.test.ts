// The local Lambda API driven by @aws-sdk/client-lambda over HTTP, as AWS documents Invoke:
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import {
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClientConfig } from '../../../local/shared/localCredentials';
import { eventually, startLambdaHarness, type LambdaHarness } from './lambdaHarness';

let h: LambdaHarness;
let client: LambdaClient;
let apiFunction: string;

const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes));

beforeAll(async () => {
  h = await startLambdaHarness({ asyncRetryDelaysMs: [100] });
  client = h.client();
  apiFunction = h.ref('ApiFunction');
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await h?.stop();
});

describe('Invoke (RequestResponse)', () => {
  it('returns the function result with status 200, the executed version and the request id the function saw', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, Payload: payload({ hello: 'world' }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(out.FunctionError).toBeUndefined();
    const body = decode(out.Payload);
    expect(body).toMatchObject({ echo: { hello: 'world' }, functionName: apiFunction, greeting: 'hello from the template', lambdaEndpoint: h.server.url });
    expect(out.$metadata.requestId).toBe(body.requestId);
  });

  it('accepts the function by ARN, by name with $LATEST, and with a Qualifier', async () => {
    for (const input of [{ FunctionName: h.arn('ApiFunction') }, { FunctionName: `${apiFunction}:$LATEST` }, { FunctionName: apiFunction, Qualifier: '$LATEST' }]) {
      const out = await client.send(new InvokeCommand({ ...input, Payload: payload({}) }));
      expect(out.StatusCode).toBe(200);
    }
  });

  it('reports a function error as X-Amz-Function-Error Unhandled with the error object as payload', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, Payload: payload({ action: 'fail', message: 'no such invite' }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const error = decode(out.Payload);
    expect(error).toMatchObject({ errorType: 'InviteError', errorMessage: 'no such invite' });
    expect(error.trace[0]).toContain('InviteError: no such invite');
  });

  it('returns the last 4 KB of the execution log, base64, with LogType Tail', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, LogType: 'Tail', Payload: payload({ action: 'log' }) }));
    const log = Buffer.from(out.LogResult!, 'base64').toString('utf8');
    const requestId = out.$metadata.requestId!;
    expect(log).toContain(`START RequestId: ${requestId} Version: $LATEST`);
    expect(log).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${requestId}\\tINFO\\thello from the function`));
    expect(log).toContain(`\t${requestId}\tERROR\tand a warning { detail: 1 }`);
    expect(log).toContain(`END RequestId: ${requestId}`);
    expect(log).toMatch(new RegExp(`REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB`));
    const plain = await client.send(new InvokeCommand({ FunctionName: apiFunction, Payload: payload({ action: 'log' }) }));
    expect(plain.LogResult).toBeUndefined();
  });

  it('keeps only the last 4 KB of a longer log', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, LogType: 'Tail', Payload: payload({ action: 'log', lines: 200 }) }));
    const tail = Buffer.from(out.LogResult!, 'base64');
    expect(tail.length).toBe(4096);
    const text = tail.toString('utf8');
    expect(text).not.toContain('START RequestId');
    expect(text).toContain('line 200 of 200');
    expect(text).toMatch(/REPORT RequestId: [^\n]+\n$/);
  });
});

describe('Invoke (Event and DryRun)', () => {
  it('answers 202 at once for Event and runs the function afterwards', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, InvocationType: 'Event', Payload: payload({ marker: 'async-1' }) }));
    expect(out.StatusCode).toBe(202);
    expect(out.Payload?.length ?? 0).toBe(0);
    const ran = await eventually(() => h.events('api').find((e) => e.event.marker === 'async-1'));
    expect(ran.requestId).toBe(out.$metadata.requestId);
  });

  it('answers 204 for DryRun without running the function', async () => {
    const before = h.events('api').length;
    const out = await client.send(new InvokeCommand({ FunctionName: apiFunction, InvocationType: 'DryRun', Payload: payload({ marker: 'dry' }) }));
    expect(out.StatusCode).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.events('api').length).toBe(before);
  });
});

describe('errors', () => {
  it('refuses an unknown function with ResourceNotFoundException naming its ARN', async () => {
    const error = await client.send(new InvokeCommand({ FunctionName: 'no-such-function', Payload: payload({}) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect((error as Error).message).toBe('Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function');
  });

  it('refuses a qualifier the function does not have', async () => {
    const error = await client.send(new InvokeCommand({ FunctionName: apiFunction, Qualifier: 'prod' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as Error).message).toBe(`Function not found: ${h.arn('ApiFunction')}:prod`);
  });

  it('refuses a payload that is not JSON', async () => {
    const error = await client.send(new InvokeCommand({ FunctionName: apiFunction, Payload: new TextEncoder().encode('{not json') })).catch((e: unknown) => e);
    expect((error as Error).name).toBe('InvalidRequestContentException');
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an unsigned request and a request signed with another secret', async () => {
    const unsigned = await fetch(`${h.server.url}/2015-03-31/functions/${apiFunction}/invocations`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');

    const forged = new LambdaClient({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIALOCALDEVELOPMENT', secretAccessKey: 'wrong' } });
    const error = await forged.send(new InvokeCommand({ FunctionName: apiFunction })).catch((e: unknown) => e);
    forged.destroy();
    expect((error as Error).name).toBe('InvalidSignatureException');
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(403);

    const stranger = new LambdaClient({ ...localClientConfig(h.server.url), credentials: { accessKeyId: 'AKIASOMEONEELSE00000', secretAccessKey: 'x' } });
    const unknownKey = await stranger.send(new InvokeCommand({ FunctionName: apiFunction })).catch((e: unknown) => e);
    stranger.destroy();
    expect((unknownKey as Error).name).toBe('UnrecognizedClientException');
  });
});

describe('GetFunction and ListFunctions', () => {
  it('describes a function as the template defines it', async () => {
    const out = await client.send(new GetFunctionCommand({ FunctionName: apiFunction }));
    expect(out.Configuration).toMatchObject({
      FunctionName: apiFunction,
      FunctionArn: h.arn('ApiFunction'),
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      State: 'Active',
      PackageType: 'Zip',
      DeadLetterConfig: { TargetArn: h.arn('DeadLetters') },
    });
    expect(out.Configuration?.Environment?.Variables?.GREETING).toBe('hello from the template');
    expect(out.Configuration?.CodeSize).toBeGreaterThan(0);
  });

  it('lists every function of the template', async () => {
    const out = await client.send(new ListFunctionsCommand({}));
    expect(out.Functions?.map((f) => f.FunctionName).sort()).toEqual(h.lambda.functions.map((fn) => fn.name).sort());
  });
});

describe('asynchronous invocation', () => {
  it('retries a failed event after the configured delay with the same request id, then reports success to OnSuccess', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: apiFunction, InvocationType: 'Event', Payload: payload({ action: 'fail-times', key: 'retry-once', failures: 1 }) }),
    );
    const requestId = out.$metadata.requestId!;
    const record = await eventually(() => {
      const message = h.sent.find((m) => m.arn === h.arn('AsyncSuccess') && JSON.parse(m.body).requestContext.requestId === requestId);
      return message && JSON.parse(message.body);
    });
    const attempts = h.events('api').filter((e) => e.event.key === 'retry-once');
    expect(attempts.map((a) => a.requestId)).toEqual([requestId, requestId]);
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: { requestId, functionArn: `${h.arn('ApiFunction')}:$LATEST`, condition: 'Success', approximateInvokeCount: 2 },
      requestPayload: { action: 'fail-times', key: 'retry-once', failures: 1 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { key: 'retry-once', attempt: 2 },
    });
  });

  it('gives up after MaximumRetryAttempts: the record goes to OnFailure and the event to the dead-letter queue', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: apiFunction, InvocationType: 'Event', Payload: payload({ action: 'fail', message: 'always', marker: 'doomed' }) }),
    );
    const requestId = out.$metadata.requestId!;
    const failure = await eventually(() => h.sent.find((m) => m.arn === h.arn('AsyncFailure') && m.body.includes(requestId)));
    expect(JSON.parse(failure.body)).toMatchObject({
      requestContext: { requestId, condition: 'RetriesExhausted', approximateInvokeCount: 2 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'InviteError', errorMessage: 'always' },
    });
    const dead = await eventually(() => h.sent.find((m) => m.arn === h.arn('DeadLetters') && m.body.includes('doomed')));
    expect(JSON.parse(dead.body)).toEqual({ action: 'fail', message: 'always', marker: 'doomed' });
    expect((dead.message as { attributes?: Record<string, { StringValue?: string }> }).attributes).toMatchObject({
      RequestID: { DataType: 'String', StringValue: requestId },
      ErrorCode: { DataType: 'Number', StringValue: '200' },
      ErrorMessage: { DataType: 'String', StringValue: 'always' },
    });
    expect(h.events('api').filter((e) => e.event.marker === 'doomed')).toHaveLength(2);
  });

  it('queues Event invocations made through LocalServices the same way', async () => {
    const result = await h.services.invokeFunction(h.arn('ApiFunction'), { marker: 'from-sns' }, 'Event');
    expect(result).toEqual({ ok: true, result: null });
    await eventually(() => h.events('api').find((e) => e.event.marker === 'from-sns'));
    await expect(h.services.invokeFunction('missing-function', {}, 'RequestResponse')).rejects.toThrow(/Function not found/);
  });
});
