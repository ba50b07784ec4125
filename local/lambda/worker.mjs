// One Lambda execution environment: a worker thread with the function's own process.env,
// which loads the handler once and runs one invocation at a time, as Lambda does.
// Plain JavaScript: worker threads start without the parent's TypeScript loader.
//
// Output goes to the parent as messages tagged with the invocation's request id (not through
// the worker's stdout pipe, whose data can arrive after the result message), so that each
// invocation's log is known exactly (Invoke with LogType Tail). console.* lines are shaped as
// the Node.js runtime writes them in its text log format: `<ISO time>\t<request id>\t<LEVEL>\t<message>`
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html); during init the request id is "undefined".
import { parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import Module, { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { performance } from 'node:perf_hooks';

const { codePath, handler, functionName, arn, memorySize } = workerData;

// The AWS SDK v3, which Lambda's runtime provides to handlers (runtimeModules.mjs): for ES
// modules through a resolve hook, for CommonJS by the same fallback in require's resolution
// (Lambda's NODE_PATH); only `@aws-sdk/*` is provided.
register('./runtimeModules.mjs', import.meta.url);
const runtimeRequire = createRequire(import.meta.url);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return resolveFilename.call(this, request, ...rest);
  } catch (error) {
    if (/^@aws-sdk\//.test(request) && error?.code === 'MODULE_NOT_FOUND') return runtimeRequire.resolve(request);
    throw error;
  }
};

let currentRequestId;

function emit(text) {
  parentPort.postMessage({ type: 'log', requestId: currentRequestId, text });
}

const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
for (const [method, level] of Object.entries(LEVELS)) {
  console[method] = (...args) => {
    let message = format(...args);
    if (method === 'trace') message = `Trace: ${message}\n${new Error().stack.split('\n').slice(2).join('\n')}`;
    emit(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${message}`);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  // Direct writes (process.stdout.write) are part of the log too, unformatted, as in Lambda.
  stream.write = (chunk, encoding, callback) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    for (const line of text.replace(/\n$/, '').split('\n')) emit(line);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}

const initStarted = performance.now();
let initDurationMs;

async function loadHandler() {
  const dot = handler.lastIndexOf('.');
  const moduleName = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const file = ['.mjs', '.js', '.cjs'].map((ext) => join(codePath, moduleName + ext)).find((f) => existsSync(f));
  if (!file) throw Object.assign(new Error(`Cannot find module '${moduleName}' in ${codePath}`), { name: 'Runtime.ImportModuleError' });
  const module = await import(pathToFileURL(file).href);
  const fn = module[exportName] ?? module.default?.[exportName];
  if (typeof fn !== 'function') throw Object.assign(new Error(`${handler} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  return fn;
}

const ready = loadHandler().finally(() => {
  initDurationMs = performance.now() - initStarted;
  // The invocation's timeout runs from here: Lambda times the Init phase apart (lambdaFunction.ts).
  parentPort.postMessage({ type: 'initialized' });
});
// An init failure is reported by the first invocation, as Lambda reports it.
ready.catch(() => undefined);

function errorPayload(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorType: e.name || 'Error', errorMessage: e.message, trace: String(e.stack ?? '').split('\n') };
}

let maxHeapBytes = 0;
let initReported = false;

parentPort.on('message', async ({ requestId, event, timeoutMs }) => {
  currentRequestId = requestId;
  // The timeout runs from the end of the Init phase (a cold start), as the parent times it.
  let deadline = Date.now() + timeoutMs;
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: arn,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${requestId}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const started = performance.now();
  let outcome;
  try {
    const fn = await ready;
    deadline = Date.now() + timeoutMs;
    const result = await new Promise((resolve, reject) => {
      // Callback-style handlers take three arguments; async ones return a promise.
      const returned = fn(event, context, (error, value) => (error ? reject(error) : resolve(value)));
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
      else if (fn.length < 3) resolve(returned);
    });
    outcome = { ok: true, result: result === undefined ? null : result };
  } catch (error) {
    const payload = errorPayload(error);
    // The runtime logs an uncaught error before it reports it (its log line names the trace `stack`).
    const { trace, ...logged } = payload;
    emit(`${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ ...logged, stack: trace })}`);
    outcome = { ok: false, error: payload };
  }
  maxHeapBytes = Math.max(maxHeapBytes, getHeapStatistics().used_heap_size);
  const report = {
    durationMs: performance.now() - started,
    maxMemoryUsedMb: Math.ceil(maxHeapBytes / (1024 * 1024)),
    // Init Duration appears in the REPORT line of the environment's first invocation only.
    initDurationMs: initReported ? undefined : initDurationMs,
  };
  initReported = true;
  parentPort.postMessage({ type: 'result', requestId, ...outcome, report });
  currentRequestId = undefined;
});
