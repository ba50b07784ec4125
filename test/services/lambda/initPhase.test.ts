// Lambda times the Init phase (the handler module's top level) apart from the invocation:
// a cold start slower than the function's timeout still runs its first invocation, while a
// handler that runs past the timeout is ended as before.
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../../local/lambda/lambdaFunction';
import type { FunctionConfig } from '../../../local/lambda/options';
import { memoryLogger } from './lambdaHarness';

const dir = mkdtempSync(join(tmpdir(), 'local-lambda-init-'));
// A top level that takes 1.5 s, then a handler that answers at once, or after `sleepMs`.
writeFileSync(
  join(dir, 'index.mjs'),
  `await new Promise((resolve) => setTimeout(resolve, 1500));
export const handler = async (event, context) => {
  await new Promise((resolve) => setTimeout(resolve, event.sleepMs ?? 0));
  return { remainingMs: context.getRemainingTimeInMillis() };
};
`,
);

const config: FunctionConfig = {
  logicalId: 'SlowInit',
  functionName: 'slow-init',
  arn: 'arn:aws:lambda:us-east-1:000000000000:function:slow-init',
  codePath: dir,
  handler: 'index.handler',
  runtime: 'nodejs20.x',
  environment: () => ({}),
  timeout: 1,
  memorySize: 128,
  architectures: ['x86_64'],
  aliases: [],
  publishesVersions: false,
};

const functions: LambdaFunction[] = [];
afterAll(async () => {
  await Promise.all(functions.map((f) => f.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function slowInitFunction() {
  const fn = new LambdaFunction(config, {}, memoryLogger());
  functions.push(fn);
  return fn;
}

describe('the Init phase and the timeout', () => {
  it('runs the first invocation of an environment whose init takes longer than the timeout', async () => {
    const result = await slowInitFunction().invoke({});
    expect(result.ok).toBe(true);
    // The remaining time counts from the end of the init: nearly the whole second is left.
    expect((result as { result: { remainingMs: number } }).result.remainingMs).toBeGreaterThan(500);
    expect(result.log?.report.initDurationMs).toBeGreaterThanOrEqual(1400);
  });

  it('still ends an invocation that runs past the timeout', async () => {
    const result = await slowInitFunction().invoke({ sleepMs: 2000 });
    expect(result).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' } });
  });
});
