// `npm run dev`: synthesize the CDK app, then run the synthesized stack on this machine.
//   --in-memory     keep no state (default: .data/ keeps tables, keys and API keys)
//   --port <n>      first of ten ports (default 4000): AppSync n, Cognito n+1, DynamoDB Local n+2,
//                   AppSync over HTTPS n+3, SQS n+4, SNS n+5, SES n+6, S3 n+7, Lambda n+8, SMTP n+9
//   --no-synth      use the cdk.out already there
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CDK_OUT, DEFAULT_DATA_DIR, ENDPOINTS_FILE } from './paths';
import { createLogger } from './shared/logger';
import { startLocalStack } from './stack';
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
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
    },
  });
  const base = Number(values.port);
  if (!Number.isInteger(base) || base < 1 || base > 65526) throw new Error(`--port must be a port number, got ${values.port}`);
  const dataDir = values['data-dir']!;

  if (!values['no-synth']) {
    log.info('synthesizing the CDK app (npx cdk synth)...');
    await synth(DEFAULT_CDK_OUT);
  }
  const stack = await startLocalStack({
    cdkOut: DEFAULT_CDK_OUT,
    dataDir: values['in-memory'] ? undefined : dataDir,
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
    },
  });
  const endpointsFile = join(dataDir, ENDPOINTS_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(endpointsFile, `${JSON.stringify(stack.endpoints, null, 2)}\n`);

  console.log(startupSummary(stack, { dataDir: values['in-memory'] ? undefined : dataDir, endpointsFile }));

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping...');
    await stack.stop();
    rmSync(endpointsFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  log.error(error.message);
  process.exit(1);
});
