// What the local AppSync takes from the template: each GraphQL API with its schema,
// auth modes, API keys, data sources, functions, resolvers and environment variables.
import { readFileSync } from 'node:fs';
import { objectKeyOf, type CloudAssembly } from '../template/cloudAssembly';
import type { StackModel } from '../template/stackModel';

export type AuthMode = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export type AuthProvider = {
  type: AuthMode;
  userPool?: { userPoolId: string; region: string; appIdClientRegex?: string; defaultAction: 'ALLOW' | 'DENY' };
};

export type ApiKeyConfig = { logicalId: string; description?: string; /** epoch seconds */ expires?: number };

export type DataSourceConfig = { name: string; type: string; tableName?: string; lambdaFunctionArn?: string };

export type CodeConfig = { name: string; file: string; source: string };

export type FunctionConfig = { functionId: string; name: string; dataSourceName: string; code: CodeConfig; maxBatchSize?: number };

export type ResolverConfig = {
  typeName: string;
  fieldName: string;
  kind: 'UNIT' | 'PIPELINE';
  dataSourceName?: string;
  functionIds: string[];
  /** Null for a direct Lambda resolver: a unit resolver on a Lambda data source without code. */
  code: CodeConfig | null;
  maxBatchSize?: number;
};

export type GraphqlApiConfig = {
  logicalId: string;
  apiId: string;
  name: string;
  schema: string;
  defaultAuth: AuthProvider;
  additionalAuth: AuthProvider[];
  apiKeys: ApiKeyConfig[];
  dataSources: DataSourceConfig[];
  functions: FunctionConfig[];
  resolvers: ResolverConfig[];
  environment: Record<string, string>;
  queryDepthLimit?: number;
  resolverCountLimit?: number;
  introspection: boolean;
};

type Props = Record<string, any>;

export function graphqlApiConfigs(model: StackModel, assembly: CloudAssembly): GraphqlApiConfig[] {
  return model.ofType('AWS::AppSync::GraphQLApi').map(([logicalId]) => {
    const props = model.properties(logicalId) as Props;
    const apiId = String(model.getAtt(logicalId, 'ApiId'));
    const children = (type: string) =>
      model
        .ofType(type)
        .map(([id]) => [id, model.properties(id) as Props] as const)
        .filter(([, p]) => p.ApiId === apiId);

    const schemas = children('AWS::AppSync::GraphQLSchema');
    if (schemas.length !== 1) throw new Error(`API ${logicalId} needs exactly one AWS::AppSync::GraphQLSchema (found ${schemas.length}).`);
    const [, schemaProps] = schemas[0];
    const schema =
      typeof schemaProps.Definition === 'string'
        ? schemaProps.Definition
        : readFileSync(assembly.assetPath(objectKeyOf(String(schemaProps.DefinitionS3Location))), 'utf8');

    const code = (owner: string, p: Props): CodeConfig => {
      if (p.RequestMappingTemplate !== undefined || p.RequestMappingTemplateS3Location !== undefined) {
        throw new Error(`${owner} uses a VTL mapping template; the local runtime runs APPSYNC_JS code only.`);
      }
      if (p.Runtime?.Name !== 'APPSYNC_JS') throw new Error(`${owner} has runtime ${p.Runtime?.Name ?? 'none'}; the local runtime runs APPSYNC_JS only.`);
      if (typeof p.Code === 'string') return { name: owner, file: `${owner} (inline code)`, source: p.Code };
      const file = assembly.assetPath(objectKeyOf(String(p.CodeS3Location)));
      return { name: owner, file, source: readFileSync(file, 'utf8') };
    };

    return {
      logicalId,
      apiId,
      name: String(props.Name),
      schema,
      defaultAuth: authProvider(props.AuthenticationType, props, model),
      additionalAuth: (props.AdditionalAuthenticationProviders ?? []).map((p: Props) => authProvider(p.AuthenticationType, p, model)),
      apiKeys: children('AWS::AppSync::ApiKey').map(([id, p]) => ({
        logicalId: id,
        description: p.Description,
        expires: p.Expires === undefined ? undefined : Number(p.Expires),
      })),
      dataSources: children('AWS::AppSync::DataSource').map(([, p]) => ({
        name: String(p.Name),
        type: String(p.Type),
        tableName: p.DynamoDBConfig?.TableName,
        lambdaFunctionArn: p.LambdaConfig?.LambdaFunctionArn,
      })),
      functions: children('AWS::AppSync::FunctionConfiguration').map(([id, p]) => ({
        functionId: String(model.getAtt(id, 'FunctionId')),
        name: String(p.Name),
        dataSourceName: String(p.DataSourceName),
        code: code(`function ${String(p.Name)}`, p),
        maxBatchSize: p.MaxBatchSize,
      })),
      resolvers: children('AWS::AppSync::Resolver').map(([, p]) => ({
        typeName: String(p.TypeName),
        fieldName: String(p.FieldName),
        kind: p.Kind === 'PIPELINE' ? ('PIPELINE' as const) : ('UNIT' as const),
        dataSourceName: p.DataSourceName,
        functionIds: (p.PipelineConfig?.Functions ?? []).map(String),
        code: isDirectLambda(p) ? null : code(`${String(p.TypeName)}.${String(p.FieldName)}`, p),
        maxBatchSize: p.MaxBatchSize,
      })),
      environment: Object.fromEntries(Object.entries((props.EnvironmentVariables ?? {}) as Props).map(([k, v]) => [k, String(v)])),
      queryDepthLimit: props.QueryDepthLimit || undefined,
      resolverCountLimit: props.ResolverCountLimit || undefined,
      introspection: props.IntrospectionConfig !== 'DISABLED',
    };
  });
}

/** No code and no mapping templates: AppSync sends the whole context to the Lambda. */
function isDirectLambda(p: Props): boolean {
  return (
    p.Kind !== 'PIPELINE' &&
    p.Runtime === undefined &&
    p.Code === undefined &&
    p.CodeS3Location === undefined &&
    p.RequestMappingTemplate === undefined &&
    p.RequestMappingTemplateS3Location === undefined
  );
}

function authProvider(type: AuthMode, props: Props, model: StackModel): AuthProvider {
  const pool = props.UserPoolConfig;
  return {
    type,
    userPool: pool
      ? {
          userPoolId: String(pool.UserPoolId),
          region: String(pool.AwsRegion ?? model.env.region),
          appIdClientRegex: pool.AppIdClientRegex,
          defaultAction: pool.DefaultAction === 'DENY' ? 'DENY' : 'ALLOW',
        }
      : undefined,
  };
}
