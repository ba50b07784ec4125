// Swaps new code into a running local stack without stopping anything: each Lambda function
// whose code or environment changed takes its new config (new execution environments run
// it; invocations in flight finish on the old code), and the AppSync API is built again from
// the new template and served in place of the old one (open subscriptions stay).
// Everything is built first and swapped after, so a failure (an APPSYNC_JS bundle that fails
// its code check, a missing asset) leaves the running version serving, unchanged.
import type { LocalGraphqlApi } from '../appsync/graphqlApi';
import type { LambdaFunction } from '../lambda/lambdaFunction';
import { functionConfigs, type FunctionConfig } from '../lambda/options';
import type { LocalStack } from '../stack';
import type { CloudAssembly } from '../template/cloudAssembly';
import { StackModel } from '../template/stackModel';
import type { TemplateDiff } from './templateDiff';

export type PreparedSwap = {
  /** Functions that take a new config (functions the local runtime does not play are left out). */
  functions: { fn: LambdaFunction; config: FunctionConfig }[];
  /** The API to serve, when a resolver, a pipeline function or the schema changed. */
  api?: LocalGraphqlApi;
  /** Swaps everything in; cannot fail. */
  apply(): void;
};

/** Builds what `diff` asks for from `assembly`; throws, with nothing swapped, when any of it fails. */
export function prepareHotSwap(stack: LocalStack, assembly: CloudAssembly, diff: TemplateDiff): PreparedSwap {
  // The same environment (region, service URLs, runtime attributes such as the GraphQL URL
  // and API key values): only code differs, so every physical id stays the same.
  const model = new StackModel(assembly.template, stack.model.env);
  const changed = new Set(diff.functions.map((f) => f.logicalId));
  const functions = changed.size === 0 ? [] : functionConfigs(model, assembly).flatMap((config) => {
    if (!changed.has(config.logicalId)) return [];
    const fn = stack.lambda.lambda.find(config.logicalId);
    return fn ? [{ fn, config }] : [];
  });
  const appsync = stack.appsync;
  const appsyncChanged = diff.resolvers.length > 0 || diff.appsyncFunctions.length > 0 || diff.schema;
  if (appsyncChanged && !appsync) throw new Error('The template changes AppSync code, but the running stack has no GraphQL API.');
  const api = appsyncChanged ? appsync!.loadApi(model, assembly) : undefined;
  return {
    functions,
    api,
    apply() {
      for (const { fn, config } of functions) fn.replaceConfig(config);
      if (api) appsync!.replaceApi(api);
      stack.model = model;
    },
  };
}
