// One Lambda execution environment: a worker thread with the function's own process.env,
// which loads the handler once and runs one invocation at a time, as Lambda does.
// Plain JavaScript: worker threads start without the parent's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { codePath, handler, functionName, arn, memorySize } = workerData;

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

const ready = loadHandler();

function errorPayload(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return { errorType: e.name || 'Error', errorMessage: e.message, trace: String(e.stack ?? '').split('\n') };
}

parentPort.on('message', async ({ requestId, event, deadline }) => {
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
  try {
    const fn = await ready;
    const result = await new Promise((resolve, reject) => {
      // Callback-style handlers take three arguments; async ones return a promise.
      const returned = fn(event, context, (error, value) => (error ? reject(error) : resolve(value)));
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
      else if (fn.length < 3) resolve(returned);
    });
    parentPort.postMessage({ requestId, ok: true, result: result === undefined ? null : result });
  } catch (error) {
    parentPort.postMessage({ requestId, ok: false, error: errorPayload(error) });
  }
});

