// The hot reload test's CDK stack, in two versions that differ only in code: the
// Query.greeting resolver (a bundled asset, CodeS3Location), the Mutation.ping resolver
// (inline code), the function's handler and its VERSION variable.
import { App, Duration, Stack } from 'aws-cdk-lib';
import { AuthorizationType, Code, Definition, FunctionRuntime, GraphqlApi, Resolver } from 'aws-cdk-lib/aws-appsync';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiKeyExpiry } from '../../../../infra/api';
import { bundleResolver } from '../../../../infra/resolverBundle';
import { cachedCloudAssembly } from '../../../helpers/cachedSynth';

const HERE = dirname(fileURLToPath(import.meta.url));
export const RELOAD_STACK = 'LocalHotReload';

export type StackVersion = 'v1' | 'v2';

/**
 * Both versions' cloud assemblies, synthesized once per version of this folder's files (about
 * 10 s each). They are synthesized together, so that the API key's expiry (rounded to the
 * day) is the same in both: v2's assembly is kept inside v1's directory.
 */
export function reloadCloudAssemblies(): Record<StackVersion, string> {
  const v1 = cachedCloudAssembly('local-hot-reload', HERE, (outdir) => {
    // Bundles at the same depth: their source maps name the sources by relative path, and
    // invoke.ts must bundle the same in both.
    synthReloadStack('v1', outdir, join(outdir, 'bundles', 'v1'));
    synthReloadStack('v2', join(outdir, 'v2'), join(outdir, 'bundles', 'v2'));
  });
  return { v1, v2: join(v1, 'v2') };
}

export function synthReloadStack(version: StackVersion, outdir: string, bundleDir: string): string {
  const app = new App({ outdir });
  const stack = new Stack(app, RELOAD_STACK);
  const fn = new NodejsFunction(stack, 'Greeter', {
    entry: join(HERE, `handler.${version}.ts`),
    runtime: Runtime.NODEJS_22_X,
    timeout: Duration.seconds(3),
    environment: { VERSION: version },
    bundling: { format: OutputFormat.ESM, target: 'node20' },
  });
  const api = new GraphqlApi(stack, 'Api', {
    name: 'hot-reload',
    definition: Definition.fromFile(join(HERE, 'schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: AuthorizationType.API_KEY, apiKeyConfig: { expires: apiKeyExpiry(30) } } },
  });
  const none = api.addNoneDataSource('None');
  const lambda = api.addLambdaDataSource('Lambda', fn);
  const bundled = (file: string) =>
    Code.fromAsset(bundleResolver(file, { root: HERE, outDir: bundleDir }));
  const runtime = FunctionRuntime.JS_1_0_0;
  new Resolver(stack, 'QueryGreeting', { api, typeName: 'Query', fieldName: 'greeting', dataSource: none, runtime, code: bundled(`greeting.${version}.ts`) });
  new Resolver(stack, 'QueryFromLambda', { api, typeName: 'Query', fieldName: 'fromLambda', dataSource: lambda, runtime, code: bundled('invoke.ts') });
  new Resolver(stack, 'MutationPing', {
    api,
    typeName: 'Mutation',
    fieldName: 'ping',
    dataSource: none,
    runtime,
    code: Code.fromInline(
      `export function request(ctx) { return { payload: ctx.args }; }
export function response(ctx) { return { message: ctx.args.message, version: '${version}' }; }`,
    ),
  });
  app.synth();
  return outdir;
}
