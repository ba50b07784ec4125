// LambdaFunction.replaceConfig, which a dev reload uses to deploy new code in place: worker
// threads on real handler files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LambdaFunction } from '../../../local/lambda/lambdaFunction';
import type { FunctionConfig } from '../../../local/lambda/options';
import { memoryLogger } from '../lambda/lambdaHarness';

const dir = mkdtempSync(join(tmpdir(), 'function-swap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle whose handler answers `version` (after `delayMs`) and the VERSION variable it sees. */
function bundle(version: string): string {
  const codePath = join(dir, version);
  mkdirSync(codePath, { recursive: true });
  writeFileSync(
    join(codePath, 'index.mjs'),
    `export const handler = async (event) => {
      await new Promise((r) => setTimeout(r, event?.delayMs ?? 0));
      return { code: ${JSON.stringify(version)}, variable: process.env.VERSION ?? null };
    };`,
  );
  return codePath;
}

function config(codePath: string, variables: Record<string, string> = {}): FunctionConfig {
  return {
    logicalId: 'Fn',
    functionName: 'swap-fn',
    arn: 'arn:aws:lambda:us-east-1:000000000000:function:swap-fn',
    codePath,
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    environment: () => variables,
    timeout: 5,
    memorySize: 128,
    architectures: ['x86_64'],
    aliases: [],
    publishesVersions: false,
  };
}

describe('LambdaFunction.replaceConfig', () => {
  it('lets an invocation in flight finish on the old code while new ones run the new code, then ends the old environment', async () => {
    const fn = new LambdaFunction(config(bundle('v1'), { VERSION: 'one' }), {}, memoryLogger());
    try {
      expect(await fn.invoke({})).toMatchObject({ ok: true, result: { code: 'v1', variable: 'one' } });
      const inFlight = fn.invoke({ delayMs: 400 });
      await new Promise((r) => setTimeout(r, 100));

      fn.replaceConfig(config(bundle('v2'), { VERSION: 'two' }));
      expect(await fn.invoke({})).toMatchObject({ ok: true, result: { code: 'v2', variable: 'two' } });
      expect(await inFlight).toMatchObject({ ok: true, result: { code: 'v1', variable: 'one' } });
      // The old environment ends once its invocation is done; the new one stays warm.
      await new Promise((r) => setTimeout(r, 100));
      expect(fn.environments).toBe(1);
      expect(await fn.invoke({})).toMatchObject({ ok: true, result: { code: 'v2' } });
    } finally {
      await fn.stop();
    }
    expect(fn.environments).toBe(0);
  });

  it('refuses the config of another function', () => {
    const fn = new LambdaFunction(config(bundle('v3')), {}, memoryLogger());
    expect(() => fn.replaceConfig({ ...config(bundle('v3')), logicalId: 'Other' })).toThrow(/cannot take the config of Other/);
  });
});
