// A small CDK stack holding what the conformance suite needs and the product does not have
// yet: Lambda data sources (Invoke, BatchInvoke), subscriptions with filters and
// invalidation, a table with a GSI for the DynamoDB helpers.
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AuthorizationType,
  Code,
  Definition,
  FunctionRuntime,
  GraphqlApi,
  Resolver,
  type BaseDataSource,
} from 'aws-cdk-lib/aws-appsync';
import { CfnUserPoolGroup, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiKeyExpiry } from '../../../infra/api';
import { bundleResolver } from '../../../infra/resolverBundle';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const CONFORMANCE_STACK = 'AppSyncConformance';

export function synthConformanceStack(outdir: string): string {
  const app = new App({ outdir });
  const stack = new Stack(app, CONFORMANCE_STACK);

  const table = new TableV2(stack, 'Notes', {
    partitionKey: { name: 'id', type: AttributeType.STRING },
    removalPolicy: RemovalPolicy.DESTROY,
    globalSecondaryIndexes: [{ indexName: 'byOwner', partitionKey: { name: 'owner', type: AttributeType.STRING }, sortKey: { name: 'id', type: AttributeType.STRING } }],
  });
  const userPool = new UserPool(stack, 'Users', { removalPolicy: RemovalPolicy.DESTROY });
  userPool.addClient('Client');
  new CfnUserPoolGroup(stack, 'Admins', { userPoolId: userPool.userPoolId, groupName: 'admins' });

  const fn = new NodejsFunction(stack, 'Handler', {
    entry: join(ROOT, 'lambda', 'handler.ts'),
    runtime: Runtime.NODEJS_22_X,
    timeout: Duration.seconds(2),
    environment: { TABLE_NAME: table.tableName, GREETING: 'hello from the template' },
    bundling: { format: OutputFormat.ESM, target: 'node20' },
  });

  const api = new GraphqlApi(stack, 'Api', {
    name: 'conformance',
    definition: Definition.fromFile(join(HERE, 'schema.graphql')),
    authorizationConfig: {
      defaultAuthorization: { authorizationType: AuthorizationType.USER_POOL, userPoolConfig: { userPool } },
      additionalAuthorizationModes: [
        { authorizationType: AuthorizationType.API_KEY, apiKeyConfig: { expires: apiKeyExpiry(30) } },
        { authorizationType: AuthorizationType.IAM },
      ],
    },
    environmentVariables: { STAGE: 'conformance' },
    queryDepthLimit: 4,
    resolverCountLimit: 12,
  });
  const sources = {
    none: api.addNoneDataSource('None'),
    lambda: api.addLambdaDataSource('Lambda', fn),
    table: api.addDynamoDbDataSource('Table', table),
  };

  const resolve = (typeName: string, fieldName: string, file: string, dataSource: BaseDataSource, maxBatchSize?: number) =>
    new Resolver(stack, `${typeName}${fieldName}`, {
      api,
      typeName,
      fieldName,
      dataSource,
      runtime: FunctionRuntime.JS_1_0_0,
      code: Code.fromAsset(bundleResolver(file, { root: join(ROOT, 'resolvers'), outDir: join(outdir, '..', 'resolvers') })),
      maxBatchSize,
    });

  for (const field of ['echo', 'fail', 'slow']) resolve('Query', field, 'invokeLambda.ts', sources.lambda);
  // Direct Lambda resolvers: no code, AppSync sends the context.
  new Resolver(stack, 'QuerydirectResolver', { api, typeName: 'Query', fieldName: 'direct', dataSource: sources.lambda });
  new Resolver(stack, 'BookdirectAuthorResolver', { api, typeName: 'Book', fieldName: 'directAuthor', dataSource: sources.lambda, maxBatchSize: 10 });
  resolve('Query', 'books', 'books.ts', sources.none);
  resolve('Book', 'author', 'bookAuthor.ts', sources.lambda, 3);
  resolve('Query', 'context', 'context.ts', sources.none);
  resolve('Query', 'nested', 'nested.ts', sources.none);
  resolve('Query', 'adminSecret', 'adminSecret.ts', sources.none);
  resolve('Query', 'note', 'note.ts', sources.table);
  resolve('Query', 'notesByOwner', 'notesByOwner.ts', sources.table);
  resolve('Mutation', 'publishMessage', 'publishMessage.ts', sources.none);
  resolve('Mutation', 'closeRoom', 'closeRoom.ts', sources.none);
  resolve('Mutation', 'putNote', 'putNote.ts', sources.table);
  resolve('Mutation', 'updateNote', 'updateNote.ts', sources.table);
  resolve('Mutation', 'deleteNote', 'deleteNote.ts', sources.table);
  resolve('Subscription', 'onUrgentMessage', 'onUrgentMessage.ts', sources.none);
  resolve('Subscription', 'onRoomMessage', 'onRoomMessage.ts', sources.none);

  app.synth();
  return outdir;
}
