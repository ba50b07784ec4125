// The local AppSync service: serves the template's GraphQL API over HTTP.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpServer, type RunningServer } from '../shared/httpServer';
import { createLogger, type Logger } from '../shared/logger';
import type { CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';
import { Authenticator, type ApiKeyValue } from './auth/authenticate';
import type { CognitoPoolTrust } from './auth/cognitoUserPools';
import type { DataSource } from './dataSources/dataSource';
import { DynamoDbDataSource } from './dataSources/dynamodb';
import { NoneDataSource } from './dataSources/none';
import { LocalGraphqlApi } from './graphqlApi';
import { graphqlApiConfigs, type DataSourceConfig } from './options';
import { appsyncRouter } from './router';
import { appsyncModules } from './runtime/modules';
import { Sandbox } from './sandbox';

export type AppSyncServiceOptions = {
  model: StackModel;
  assembly: CloudAssembly;
  port: number;
  dynamodb: DynamoDBClient;
  userPoolTrust: (userPoolId: string) => CognitoPoolTrust;
  /** Where generated API key values are kept; undefined keeps them in memory. */
  dataDir?: string;
  logger: Logger;
};

export type AppSyncService = {
  server: RunningServer;
  api: LocalGraphqlApi;
  graphqlUrl: string;
  apiKeys: ApiKeyValue[];
};

function dataSourceFor(config: DataSourceConfig, dynamodb: DynamoDBClient): DataSource {
  switch (config.type) {
    case 'AMAZON_DYNAMODB':
      return new DynamoDbDataSource(config.name, dynamodb, String(config.tableName));
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

  const [config] = graphqlApiConfigs(model, options.assembly);
  const values = apiKeyValues(config.apiKeys.map((k) => k.logicalId), options.dataDir);
  const apiKeys = config.apiKeys.map((k) => ({ ...k, value: values[k.logicalId] }));
  for (const key of apiKeys) model.env.runtimeAttributes.set(`${key.logicalId}.ApiKey`, key.value);

  const dataSources = new Map(config.dataSources.map((ds) => [ds.name, dataSourceFor(ds, options.dynamodb)]));
  const sandbox = new Sandbox(appsyncModules(), createLogger('appsync:console'));
  const api = new LocalGraphqlApi(config, dataSources, sandbox, logger);
  const authenticator = new Authenticator({
    providers: [config.defaultAuth, ...config.additionalAuth],
    apiKeys,
    userPoolTrust: options.userPoolTrust,
  });
  handler = appsyncRouter(api, authenticator, logger);
  logger.info(`GraphQL API ${config.name} on ${graphqlUrl} (${config.resolvers.length} resolvers, ${config.functions.length} functions)`);
  return { server, api, graphqlUrl, apiKeys };
}
