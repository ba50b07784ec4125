// Wire protocol of the local Lambda API (REST-JSON, what @aws-sdk/client-lambda sends),
// every request SigV4-signed for the service `lambda`:
//   POST /2015-03-31/functions/{FunctionName}/invocations   Invoke
//   POST /2014-11-13/functions/{FunctionName}/invoke-async  InvokeAsync (deprecated)
//   GET  /2015-03-31/functions/{FunctionName}               GetFunction
//   GET  /2015-03-31/functions/{FunctionName}/configuration GetFunctionConfiguration
//   GET  /2015-03-31/functions/                             ListFunctions
// Invoke: X-Amz-Invocation-Type RequestResponse (200, the function's answer; a function error
// adds X-Amz-Function-Error: Unhandled and the error object as the body), Event (202, empty)
// or DryRun (204); X-Amz-Log-Type Tail adds X-Amz-Log-Result (last 4 KB of the log, base64);
// X-Amz-Executed-Version names the version that ran.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { SigV4Rejected } from '../shared/sigv4/errors';
import type { IamVerifier } from '../shared/sigv4/verifier';
import { fromSigV4, LambdaApiError, missingAuthentication, payloadNotJson, requestTooLarge } from './errors';
import { logTail } from './invocationLog';
import { MAX_ASYNC_PAYLOAD_BYTES, MAX_SYNC_PAYLOAD_BYTES, type LocalLambda } from './localLambda';

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
type InvocationType = (typeof INVOCATION_TYPES)[number];

type Route = { method: string; pattern: RegExp; handle: (call: Call) => Promise<void> };

type Call = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: Buffer;
  functionName: string;
  requestId: string;
};

export function lambdaRouter(lambda: LocalLambda, verifier: IamVerifier, logger: Logger) {
  const routes: Route[] = [
    { method: 'POST', pattern: /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/, handle: (call) => invoke(lambda, call) },
    { method: 'POST', pattern: /^\/2014-11-13\/functions\/([^/]+)\/invoke-async\/?$/, handle: (call) => invokeAsync(lambda, call) },
    { method: 'GET', pattern: /^\/2015-03-31\/functions\/([^/]+)\/configuration\/?$/, handle: (call) => getConfiguration(lambda, call) },
    { method: 'GET', pattern: /^\/2015-03-31\/functions\/?$/, handle: (call) => listFunctions(lambda, call) },
    { method: 'GET', pattern: /^\/2015-03-31\/functions\/([^/]+)\/?$/, handle: (call) => getFunction(lambda, call) },
  ];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      if (!route) throw new LambdaApiError('UnknownOperationException', `No Lambda operation for ${req.method} ${url.pathname}`);
      const isInvoke = /\/invocations\/?$|\/invoke-async\/?$/.test(url.pathname);
      const async = header(req, 'x-amz-invocation-type') === 'Event' || url.pathname.includes('/invoke-async');
      const limit = !isInvoke ? 64 * 1024 : async ? MAX_ASYNC_PAYLOAD_BYTES : MAX_SYNC_PAYLOAD_BYTES;
      let body: Buffer;
      try {
        body = await readBody(req, limit);
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw requestTooLarge(limit);
        throw error;
      }
      if (!req.headers.authorization) throw missingAuthentication();
      const rawPath = (req.url ?? '/').split('?')[0]!;
      await verifier.verify({ method: req.method ?? 'GET', path: rawPath, query: url.search.slice(1), headers: req.headers, body });
      const functionName = decodeURIComponent(route.pattern.exec(url.pathname)?.[1] ?? '');
      await route.handle({ req, res, url, body, functionName, requestId });
    } catch (error) {
      if (error instanceof SigV4Rejected) {
        logger.warn(error.reason);
        return fromSigV4(error).send(res, requestId);
      }
      if (error instanceof LambdaApiError) return error.send(res, requestId);
      logger.error(`Lambda API: ${(error as Error).stack ?? error}`);
      return new LambdaApiError('ServiceException', (error as Error).message).send(res, requestId);
    }
  };
}

async function invoke(lambda: LocalLambda, call: Call): Promise<void> {
  const { req, res, url } = call;
  const type = (header(req, 'x-amz-invocation-type') ?? 'RequestResponse') as InvocationType;
  if (!INVOCATION_TYPES.includes(type)) {
    throw new LambdaApiError(
      'InvalidParameterValueException',
      `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
    );
  }
  const logType = header(req, 'x-amz-log-type') ?? 'None';
  if (logType !== 'None' && logType !== 'Tail') {
    throw new LambdaApiError(
      'InvalidParameterValueException',
      `1 validation error detected: Value '${logType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [None, Tail]`,
    );
  }
  const target = lambda.resolve(call.functionName, url.searchParams.get('Qualifier') ?? undefined);
  const event = parsePayload(call.body);
  if (type === 'DryRun') {
    res.writeHead(204, { 'x-amzn-requestid': call.requestId });
    res.end();
    return;
  }
  if (type === 'Event') {
    const requestId = lambda.invokeAsync(target, event);
    res.writeHead(202, { 'x-amzn-requestid': requestId, 'content-length': 0 });
    res.end();
    return;
  }
  const result = await lambda.invoke(target, event);
  const payload = Buffer.from(JSON.stringify(result.ok ? (result.result ?? null) : result.error), 'utf8');
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': payload.length,
    'x-amzn-requestid': result.log?.requestId ?? call.requestId,
    'x-amz-executed-version': target.executedVersion,
  };
  if (!result.ok) headers['x-amz-function-error'] = 'Unhandled';
  if (logType === 'Tail' && result.log) headers['x-amz-log-result'] = logTail(result.log);
  res.writeHead(200, headers);
  res.end(payload);
}

async function invokeAsync(lambda: LocalLambda, call: Call): Promise<void> {
  const target = lambda.resolve(call.functionName);
  const requestId = lambda.invokeAsync(target, parsePayload(call.body));
  const body = JSON.stringify({ Status: 202 });
  call.res.writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': requestId });
  call.res.end(body);
}

async function getFunction(lambda: LocalLambda, call: Call): Promise<void> {
  const target = lambda.resolve(call.functionName, call.url.searchParams.get('Qualifier') ?? undefined);
  sendJson(call, lambda.getFunction(target));
}

async function getConfiguration(lambda: LocalLambda, call: Call): Promise<void> {
  const target = lambda.resolve(call.functionName, call.url.searchParams.get('Qualifier') ?? undefined);
  sendJson(call, lambda.getFunctionConfiguration(target));
}

async function listFunctions(lambda: LocalLambda, call: Call): Promise<void> {
  const maxItems = call.url.searchParams.get('MaxItems');
  sendJson(call, lambda.listFunctions(call.url.searchParams.get('Marker') ?? undefined, maxItems ? Number(maxItems) : undefined));
}

/** An empty payload is an empty object to the function, as the runtimes default it. */
function parsePayload(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.length === 0) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw payloadNotJson((error as Error).message);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(call: Call, body: unknown): void {
  const text = JSON.stringify(body);
  call.res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': call.requestId });
  call.res.end(text);
}
