// Starts what the Lambda service tests need, in memory on free ports: DynamoDB Local with
// the fixture stack's tables, the fixture functions, the local Lambda API over HTTP, and a
// LocalServices directory whose queues and topics only record what they are sent.
import { LambdaClient } from '@aws-sdk/client-lambda';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../../local/dynamodb/dynamoDbLocal';
import { ensureTables } from '../../../local/dynamodb/ensureTables';
import { tableSpecs } from '../../../local/dynamodb/tables';
import { startLambda, type LambdaApi, type LambdaService } from '../../../local/lambda';
import type { Clock } from '../../../local/shared/clock';
import type { RunningServer } from '../../../local/shared/httpServer';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION, localClientConfig } from '../../../local/shared/localCredentials';
import type { Logger } from '../../../local/shared/logger';
import { LocalServices, type QueueMessage, type TopicMessage } from '../../../local/shared/localServices';
import { readCloudAssembly } from '../../../local/template/cloudAssembly';
import { StackModel } from '../../../local/template/stackModel';
import { fixtureCloudAssembly, FIXTURE_STACK } from '../../fixtures/lambda/fixtureStack';

export type RecordedEvent = { kind: string; requestId: string; event: any };

/** Log lines kept for assertions; printed too when LOCAL_LOG is set. */
export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  const log = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
    if (process.env.LOCAL_LOG) console.log(`[test ${level}] ${message}`);
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export type LambdaHarness = {
  model: StackModel;
  lambda: LambdaService;
  services: LocalServices;
  api: LambdaApi;
  server: RunningServer;
  logger: Logger & { lines: string[] };
  /** Messages sent to queues and topics, by ARN, in order. */
  sent: { arn: string; body: string; message: QueueMessage | TopicMessage }[];
  /** What the fixture functions recorded, in order. */
  events(kind?: string): RecordedEvent[];
  client(): LambdaClient;
  /** The physical name or ARN of a template resource by logical id prefix (`ApiFunction`). */
  ref(prefix: string): string;
  arn(prefix: string): string;
  dynamodb?: RunningDynamoDbLocal;
  stop(): Promise<void>;
};

export async function startLambdaHarness(
  options: { dynamodb?: boolean; clock?: Clock; asyncRetryDelaysMs?: readonly number[] } = {},
): Promise<LambdaHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'local-lambda-test-'));
  const eventsFile = join(dir, 'events.jsonl');
  const assembly = readCloudAssembly(fixtureCloudAssembly(), FIXTURE_STACK);
  const model = new StackModel(assembly.template, { region: LOCAL_REGION, accountId: LOCAL_ACCOUNT_ID, stackName: assembly.stackName, runtimeAttributes: new Map() });
  const logger = memoryLogger();
  const stoppers: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    let dynamodb: RunningDynamoDbLocal | undefined;
    if (options.dynamodb) {
      dynamodb = await startDynamoDbLocal({ port: 0, logger });
      stoppers.push(dynamodb.stop);
      await ensureTables(dynamodb.client, tableSpecs(model), logger);
    }
    const sent: LambdaHarness['sent'] = [];
    const services = new LocalServices();
    services.register({
      queues: { sendToQueue: async (arn, message) => void sent.push({ arn, body: message.body, message }) },
      topics: {
        publishToTopic: async (arn, message) => {
          sent.push({ arn, body: message.message, message });
          return crypto.randomUUID();
        },
      },
    });
    // As local/stack.ts would: the API first, then the functions, registered in LocalServices.
    const running = await startLambda({
      model,
      assembly,
      port: 0,
      runtimeEnvironment: {
        AWS_REGION: LOCAL_REGION,
        AWS_DEFAULT_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        EVENTS_FILE: eventsFile,
        ...(dynamodb ? { AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint } : {}),
      },
      services,
      clock: options.clock,
      logger,
      asyncRetryDelaysMs: options.asyncRetryDelaysMs,
    });
    stoppers.push(running.stop);
    const { lambda, api, server } = running;
    const logicalId = (prefix: string) => {
      const id = Object.keys(model.template.Resources).find((key) => key.startsWith(prefix) && !key.slice(prefix.length).match(/^[A-Z][a-z]/));
      if (!id) throw new Error(`no resource ${prefix}* in the fixture stack`);
      return id;
    };
    return {
      model,
      lambda,
      services,
      api,
      server,
      logger,
      sent,
      dynamodb,
      events: (kind) => {
        if (!existsSync(eventsFile)) return [];
        const all = readFileSync(eventsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as RecordedEvent);
        return kind ? all.filter((e) => e.kind === kind) : all;
      },
      client: () => new LambdaClient(localClientConfig(server.url)),
      ref: (prefix) => String(model.ref(logicalId(prefix))),
      arn: (prefix) => String(model.getAtt(logicalId(prefix), 'Arn')),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
