// Vitest global setup of the conformance suite: synthesizes the conformance stack and runs
// it locally (in memory, free ports).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { setLogLevel } from '../../local/shared/logger';
import { startLocalStack, type Endpoints } from '../../local/stack';
import { synthConformanceStack } from './stack/conformanceStack';

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: Endpoints;
  }
}

export default async function setup(project: TestProject) {
  setLogLevel((process.env.LOCAL_LOG as 'info') ?? 'warn');
  const dir = mkdtempSync(join(tmpdir(), 'appsync-conformance-'));
  const cdkOut = synthConformanceStack(join(dir, 'cdk.out'));
  const stack = await startLocalStack({ cdkOut, keepAliveMs: 200 });
  project.provide('conformance', stack.endpoints);
  // Test workers start after this and read it at start-up: they trust the local CA, and
  // only it, on top of the system's (TLS verification stays on).
  process.env.NODE_EXTRA_CA_CERTS = stack.endpoints.caFile;
  return async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
