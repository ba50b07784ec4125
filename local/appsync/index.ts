// The local AppSync service: serves the template's GraphQL API over HTTP.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpServer, startHttpsServer, type RunningServer } from '../shared/httpServer';
import { createLogger, type Logger } from '../shared/logger';
import type { CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';
import { Authenticator, type ApiKeyValue } from './auth/authenticate';
import { localIamPrincipals } from '../shared/sigv4/verifier';
import { AppSyncIamAuth } from './auth/iam';
import type { CognitoPoolTrust } from './auth/cognitoUserPools';
import type { DataSource } from './dataSources/dataSource';
import { DynamoDbDataSource } from './dataSources/dynamodb';
import { LambdaDataSource } from './dataSources/lambda';
import type { LambdaService } from '../lambda';
import type { FunctionTarget } from '../shared/localServices';
import { NoneDataSource } from './dataSources/none';
import { LocalGraphqlApi } from './graphqlApi';
import { graphqlApiConfigs, type DataSourceConfig } from './options';
import { attachRealtime } from './realtime';
import { SubscriptionRegistry } from './subscriptions/registry';
import { explorerRoute } from './explorer/explorer';
import { appsyncRouter, type ExtraRoute } from './router';
import { appsyncModules } from './runtime/modules';
import { Sandbox } from './sandbox';

export type AppSyncServiceOptions = {
  model: StackModel;
  assembly: CloudAssembly;
  port: number;
  dynamodb: DynamoDBClient;
  /** The template's functions, for AWS_LAMBDA data sources. */
  lambda?: LambdaService;
  /** Lambda's asynchronous invocation, for `Event` invocations of AWS_LAMBDA data sources. */
  asyncInvoker?: FunctionTarget;
  userPoolTrust: (userPoolId: string) => CognitoPoolTrust;
  /** Where generated API key values are kept; undefined keeps them in memory. */
  dataDir?: string;
  /** The local Cognito's token endpoint, which the explorer page signs users in with. */
  tokenUrl?: string;
  /** Serve the API over HTTPS too, on this port with this certificate. */
  tls?: { port: number; certPem: string; keyPem: string };
  /** Interval of realtime keep-alive messages (AppSync: about a minute). */
  keepAliveMs?: number;
  /** More pages served on the API's port after the explorer's (the RSVP dashboard). */
  routes?: ExtraRoute[];
  logger: Logger;
};

export type AppSyncService = {
  server: RunningServer;
  /** The API serving now. */
  readonly api: LocalGraphqlApi;
  /**
   * Builds the template's API again (schema, resolver and function code), without serving
   * it: throws, and nothing changes, when a bundle fails its code check. The data sources,
   * auth modes and API keys must be the running ones (only code and schema may differ).
   */
  loadApi(model: StackModel, assembly: CloudAssembly): LocalGraphqlApi;
  /**
   * Serves `api` from now on, over HTTP and both realtime endpoints. Open WebSocket
   * connections and their subscriptions stay: every API loaded here shares one registry.
   */
  replaceApi(api: LocalGraphqlApi): void;
  graphqlUrl: string;
  /** The GraphQL explorer page. */
  explorerUrl: string;
  /** AppSync's realtime protocol (subprotocol graphql-ws). */
  realtimeUrl: string;
  /** The standard graphql-transport-ws protocol. */
  wsUrl: string;
  /** The API over TLS, when a certificate was given. */
  graphqlHttpsUrl?: string;
  realtimeHttpsUrl?: string;
  apiKeys: ApiKeyValue[];
  stop(): Promise<void>;
};

function dataSourceFor(config: DataSourceConfig, options: AppSyncServiceOptions): DataSource {
  switch (config.type) {
    case 'AWS_LAMBDA': {
      const arn = String(config.lambdaFunctionArn);
      const lambda = options.lambda;
      if (!lambda?.find(arn)) throw new Error(`Data source ${config.name} invokes ${arn}, which is not a function of the template.`);
      return new LambdaDataSource(config.name, () => lambda.find(arn)!, options.logger, options.asyncInvoker);
    }
    case 'AMAZON_DYNAMODB':
      return new DynamoDbDataSource(config.name, options.dynamodb, String(config.tableName), {
        region: options.model.env.region,
        // conditionalCheckFailedHandler { strategy: 'Custom', lambdaArn } runs a template function.
        conditionLambda: async (arn, payload) => {
          const fn = options.lambda?.find(arn);
          if (!fn) throw new Error(`conditionalCheckFailedHandler names ${arn}, which is not a function of the template`);
          const out = await fn.invoke(payload);
          if (!out.ok) throw new Error(out.error.errorMessage);
          return out.result;
        },
      });
    case 'NONE':
      return new NoneDataSource(config.name);
    default:
      return {
        name: config.name,
        type: config.type,
        invoke: async () => ({
          result: null,
          error: { message: `Data source type ${config.type} is not supported by the local runtime yet`, type: 'UnsupportedDataSource' },
        }),
      };
  }
}

function apiKeyValues(logicalIds: string[], dataDir?: string): Record<string, string> {
  const file = dataDir ? join(dataDir, 'api-keys.json') : undefined;
  const values: Record<string, string> = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const id of logicalIds) {
    if (!values[id]) {
      values[id] = `da2-${randomBytes(16).toString('hex').slice(0, 26)}`;
      changed = true;
    }
  }
  if (file && changed) {
    mkdirSync(dataDir!, { recursive: true });
    writeFileSync(file, JSON.stringify(values, null, 2), { mode: 0o600 });
  }
  return values;
}

export async function startAppSync(options: AppSyncServiceOptions): Promise<AppSyncService> {
  const { model, logger } = options;
  const apis = model.ofType('AWS::AppSync::GraphQLApi');
  if (apis.length !== 1) throw new Error(`The local runtime serves one AppSync GraphQL API per stack; the template has ${apis.length}.`);
  const [apiLogicalId] = apis[0];

  let handler: ReturnType<typeof appsyncRouter> | undefined;
  const server = await startHttpServer('AppSync', options.port, (req, res) => handler!(req, res));
  const graphqlUrl = `${server.url}/graphql`;
  model.env.runtimeAttributes.set(`${apiLogicalId}.GraphQLUrl`, graphqlUrl);

  const subscriptions = new SubscriptionRegistry();
  const loadApi = (apiModel: StackModel, assembly: CloudAssembly) => {
    const [config] = graphqlApiConfigs(apiModel, assembly);
    const dataSources = new Map(config.dataSources.map((ds) => [ds.name, dataSourceFor(ds, options)]));
    const sandbox = new Sandbox(appsyncModules(), createLogger('appsync:console'));
    return new LocalGraphqlApi(config, dataSources, sandbox, logger, subscriptions);
  };

  let api = loadApi(model, options.assembly);
  const { config } = api;
  const values = apiKeyValues(config.apiKeys.map((k) => k.logicalId), options.dataDir);
  const apiKeys = config.apiKeys.map((k) => ({ ...k, value: values[k.logicalId] }));
  for (const key of apiKeys) model.env.runtimeAttributes.set(`${key.logicalId}.ApiKey`, key.value);
  const authenticator = new Authenticator({
    providers: [config.defaultAuth, ...config.additionalAuth],
    apiKeys,
    userPoolTrust: options.userPoolTrust,
    iam: new AppSyncIamAuth({ region: model.env.region, principals: localIamPrincipals() }),
  });
  const explorer = explorerRoute({
    apiName: config.name,
    apiKey: apiKeys[0]?.value,
    tokenUrl: options.tokenUrl,
    authModes: [config.defaultAuth.type, ...config.additionalAuth.map((a) => a.type)],
  });
  const currentApi = () => api;
  handler = appsyncRouter(currentApi, authenticator, logger, [explorer, ...(options.routes ?? [])]);
  const realtimeOptions = { api: currentApi, authenticator, logger, keepAliveMs: options.keepAliveMs };
  const realtime = [attachRealtime(server.server, realtimeOptions)];
  // The same API and realtime endpoint over TLS: Amplify always opens wss://<its GraphQL host>.
  const secure = options.tls
    ? await startHttpsServer('AppSync (HTTPS)', options.tls.port, options.tls, (req, res) => handler!(req, res))
    : undefined;
  if (secure) realtime.push(attachRealtime(secure.server, realtimeOptions));
  logger.info(`GraphQL API ${config.name} on ${graphqlUrl} (${config.resolvers.length} resolvers, ${config.functions.length} functions)`);
  const wsBase = server.url.replace(/^http/, 'ws');
  return {
    server,
    get api() {
      return api;
    },
    loadApi,
    replaceApi: (next) => void (api = next),
    graphqlUrl,
    explorerUrl: `${server.url}/`,
    realtimeUrl: `${wsBase}/graphql/realtime`,
    wsUrl: `${wsBase}/graphql`,
    graphqlHttpsUrl: secure && `${secure.url}/graphql`,
    realtimeHttpsUrl: secure && `${secure.url.replace(/^https/, 'wss')}/graphql/realtime`,
    apiKeys,
    stop: async () => {
      for (const r of realtime) r.close();
      await Promise.all([server.close(), secure?.close()]);
    },
  };
}
