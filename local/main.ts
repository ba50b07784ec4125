// `npm run dev`: synthesize the CDK app, then run the synthesized stack on this machine, and
// reload it when its sources change (local/dev/).
//   --in-memory     keep no state (default: .data/ keeps tables, keys and API keys)
//   --port <n>      first of ten ports (default 4000): AppSync n, Cognito n+1, DynamoDB Local n+2,
//                   AppSync over HTTPS n+3, SQS n+4, SNS n+5, SES n+6, S3 n+7, Lambda n+8, SMTP n+9
//   --no-synth      use the cdk.out already there
//   --no-watch      do not watch infra/, resolvers/, functions/ and schema.graphql
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHotReload, type HotReload } from './dev/hotReload';
import { ReloadableStack } from './dev/reloadableStack';
import { DEFAULT_CDK_OUT, DEFAULT_DATA_DIR, ENDPOINTS_FILE, PROJECT_ROOT } from './paths';
import { createLogger } from './shared/logger';
import type { LocalStack } from './stack';
import { startupSummary } from './startupSummary';
import { synth } from './synth';

const log = createLogger('local');

// AWS SDK v3 warns on every client that Node 20 support ends in 2027 (TOOLCHAIN.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: {
      'in-memory': { type: 'boolean', default: false },
      port: { type: 'string', default: '4000' },
      'no-synth': { type: 'boolean', default: false },
      'no-watch': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
    },
  });
  const base = Number(values.port);
  if (!Number.isInteger(base) || base < 1 || base > 65526) throw new Error(`--port must be a port number, got ${values.port}`);
  const dataDir = values['data-dir']!;
  const inMemory = values['in-memory']!;
  const endpointsFile = join(dataDir, ENDPOINTS_FILE);
  const writeEndpoints = (stack: LocalStack) => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(endpointsFile, `${JSON.stringify(stack.endpoints, null, 2)}\n`);
  };

  // Ctrl-C at any point (a synthesis, the start, a reload) stops everything that runs: the
  // synthesis's processes, the watcher, DynamoDB Local, the functions' worker threads.
  const cancel = new AbortController();
  let starting: Promise<unknown> = Promise.resolve();
  let dev: ReloadableStack | undefined;
  let hotReload: HotReload | undefined;
  let stopping = false;
  const shutdown = async () => {
    // tsx relays the terminal's SIGINT to this process, which receives it from the terminal too.
    if (stopping) return;
    stopping = true;
    log.info('stopping...');
    cancel.abort();
    await starting.catch(() => undefined);
    await hotReload?.close();
    await dev?.stop();
    rmSync(endpointsFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  starting = (async () => {
    if (!values['no-synth']) {
      log.info('synthesizing the CDK app (npx cdk synth)...');
      await synth(DEFAULT_CDK_OUT, { signal: cancel.signal });
    }
    if (stopping) return;
    dev = await ReloadableStack.start({
      cdkOut: DEFAULT_CDK_OUT,
      dataDir: inMemory ? undefined : dataDir,
      ports: {
        appsync: base,
        cognito: base + 1,
        dynamodb: base + 2,
        appsyncHttps: base + 3,
        sqs: base + 4,
        sns: base + 5,
        ses: base + 6,
        s3: base + 7,
        lambda: base + 8,
        smtp: base + 9,
        secretsmanager: base + 10,
        // The first function URL; each further one takes the next port. Links in mail already
        // sent (unsubscribe, RSVP pages) keep working across restarts.
        functionUrls: base + 11,
      },
    });
  })();
  try {
    await starting;
  } catch (error) {
    // Stopping: shutdown() stops what started and exits.
    if (stopping) return;
    throw error;
  }
  if (stopping || !dev?.stack) return;

  writeEndpoints(dev.stack);
  console.log(startupSummary(dev.stack, { dataDir: inMemory ? undefined : dataDir, endpointsFile }));
  if (values['no-watch']) return;
  hotReload = startHotReload({
    dev,
    cdkOut: DEFAULT_CDK_OUT,
    synth,
    root: PROJECT_ROOT,
    inMemory,
    print: (line) => console.log(line),
    onRestarted: (stack) => {
      writeEndpoints(stack);
      console.log(`[dev] ${endpointsFile} rewritten (API key ${stack.endpoints.apiKey})`);
    },
  });
  console.log('[dev] watching infra/, resolvers/, functions/ and schema.graphql: a change synthesizes and reloads (--no-watch to turn off)');
}

main().catch((error: Error) => {
  log.error(error.message);
  process.exit(1);
});
