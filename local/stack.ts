// Starts everything the synthesized stack needs on this machine, in dependency order:
// DynamoDB Local and the template's tables, the Cognito issuer, the AppSync API.
// Used by `npm run dev` (local/main.ts) and by the integration tests.
import { join, resolve } from 'node:path';
import { startAppSync, type AppSyncService } from './appsync';
import { startCognito, type CognitoService } from './cognito';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb/dynamoDbLocal';
import { ensureTables } from './dynamodb/ensureTables';
import { tableSpecs } from './dynamodb/tables';
import { createLambdaService, type LambdaService } from './lambda';
import { createLogger } from './shared/logger';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from './shared/localCredentials';
import { loadOrCreateTls } from './shared/tls';
import { readCloudAssembly } from './template/cloudAssembly';
import { StackModel } from './template/stackModel';

export type LocalStackOptions = {
  /** The cloud assembly `cdk synth` wrote. */
  cdkOut: string;
  stackName?: string;
  /** Directory for state kept across restarts; undefined keeps everything in memory. */
  dataDir?: string;
  /** Ports per service; 0 (the default) picks free ones. */
  ports?: { appsync?: number; cognito?: number; dynamodb?: number; appsyncHttps?: number };
  region?: string;
  /** Interval of realtime keep-alive messages. */
  keepAliveMs?: number;
};

/** The local contract, written to .data/endpoints.json by `npm run dev`. */
export type Endpoints = {
  stackName: string;
  region: string;
  graphqlUrl: string;
  /** GraphiQL with the local auth filled in. */
  explorerUrl: string;
  /** AppSync realtime protocol (subprotocol graphql-ws), as Amplify derives it. */
  realtimeUrl: string;
  /** The standard graphql-transport-ws protocol (graphql-ws clients). */
  wsUrl: string;
  /** The API over TLS (certificate from the local CA in caFile): what Amplify needs. */
  graphqlHttpsUrl: string;
  realtimeHttpsUrl: string;
  /** PEM file of the local certificate authority, for clients to trust. */
  caFile: string;
  apiKey: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoIssuer: string;
  /** POST { sub?, email, groups? } here for ID and access tokens (what `npm run token` does). */
  tokenUrl: string;
  dynamodbUrl: string;
  /** Table names by the template's logical ids. */
  tables: Record<string, string>;
  credentials: { accessKeyId: string; secretAccessKey: string };
};

export type LocalStack = {
  endpoints: Endpoints;
  model: StackModel;
  dynamodb: RunningDynamoDbLocal;
  cognito: CognitoService;
  appsync: AppSyncService;
  lambda: LambdaService;
  stop(): Promise<void>;
};

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const assembly = readCloudAssembly(options.cdkOut, options.stackName);
  const region = options.region ?? LOCAL_REGION;
  const model = new StackModel(assembly.template, {
    region,
    accountId: LOCAL_ACCOUNT_ID,
    stackName: assembly.stackName,
    runtimeAttributes: new Map(),
  });
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const dynamodb = await startDynamoDbLocal({
      port: options.ports?.dynamodb ?? 0,
      dataDir: dataDir && join(dataDir, 'dynamodb'),
      logger: createLogger('dynamodb'),
    });
    stoppers.push(dynamodb.stop);
    const specs = tableSpecs(model);
    await ensureTables(dynamodb.client, specs, createLogger('dynamodb'));

    const cognito = await startCognito(model, options.ports?.cognito ?? 0, dataDir && join(dataDir, 'cognito'), createLogger('cognito'));
    stoppers.push(cognito.server.close);

    // What Lambda sets in every function's environment, pointed at the local services.
    const lambda = createLambdaService(
      model,
      assembly,
      {
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        TZ: 'UTC',
      },
      createLogger('lambda'),
    );
    stoppers.push(() => lambda.stop());

    // A local CA and server certificate, for the API over HTTPS and WSS (Amplify needs them).
    const tls = await loadOrCreateTls(dataDir && join(dataDir, 'tls'));
    if (tls.issued.ca) createLogger('tls').info(`created a local certificate authority: trust ${tls.caFile} to call the API over HTTPS`);

    const appsync = await startAppSync({
      model,
      assembly,
      port: options.ports?.appsync ?? 0,
      dynamodb: dynamodb.client,
      lambda,
      userPoolTrust: (id) => cognito.cognito.trust(id),
      dataDir: dataDir && join(dataDir, 'appsync'),
      keepAliveMs: options.keepAliveMs,
      tokenUrl: `${cognito.server.url}/_local/tokens`,
      tls: { port: options.ports?.appsyncHttps ?? 0, certPem: tls.certPem, keyPem: tls.keyPem },
      logger: createLogger('appsync'),
    });
    stoppers.push(appsync.stop);

    const pool = cognito.cognito.poolList[0];
    const endpoints: Endpoints = {
      stackName: assembly.stackName,
      region,
      graphqlUrl: appsync.graphqlUrl,
      explorerUrl: appsync.explorerUrl,
      realtimeUrl: appsync.realtimeUrl,
      wsUrl: appsync.wsUrl,
      graphqlHttpsUrl: appsync.graphqlHttpsUrl!,
      realtimeHttpsUrl: appsync.realtimeHttpsUrl!,
      caFile: tls.caFile,
      apiKey: appsync.apiKeys[0]?.value ?? '',
      userPoolId: pool?.userPoolId ?? '',
      userPoolClientId: pool?.clientIds[0] ?? '',
      cognitoIssuer: pool?.issuer.issuerUrl ?? '',
      tokenUrl: `${cognito.server.url}/_local/tokens`,
      dynamodbUrl: dynamodb.endpoint,
      tables: Object.fromEntries(specs.map((s) => [s.logicalId, s.create.TableName!])),
      credentials: { ...LOCAL_CREDENTIALS },
    };
    return { endpoints, model, dynamodb, cognito, appsync, lambda, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
