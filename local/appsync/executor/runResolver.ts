// Runs one resolver with AppSync's order of evaluation.
// Unit:     request -> data source -> response.
// Pipeline: request -> for each function (request -> data source -> response) -> response,
//           one ctx.stash throughout, each step's value passed on as ctx.prev.result.
// runtime.earlyReturn(value): in a unit request, skips the data source and the response;
// in a pipeline resolver's request, skips every function; in a function's request, skips
// that function's data source and response.
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
import type { DataSource } from '../dataSources/dataSource';
import { FieldError } from '../errors';
import { withEvaluation, type Evaluation } from '../runtime/evaluation';
import { EarlyReturn, ResolverError } from '../runtime/signals';
import type { LoadedCode } from '../sandbox';

export type PipelineStep = { name: string; code: LoadedCode; dataSource: DataSource; maxBatchSize?: number };

export type ResolverPlan = {
  field: string;
  /** The field as a Lambda (conditionalCheckFailedHandler) is told about it. */
  resolver?: { parentType: string; field: string; outputType: string };
  /** DIRECT: a direct Lambda resolver (no code): the Lambda gets the whole context. */
  kind: 'UNIT' | 'PIPELINE' | 'DIRECT';
  code?: LoadedCode;
  dataSource?: DataSource;
  maxBatchSize?: number;
  functions: PipelineStep[];
};

/** The resolver context object handed to every handler of one resolver run. */
export type ResolverContext = {
  arguments: unknown;
  args: unknown;
  identity: unknown;
  source: unknown;
  info: unknown;
  request: { headers: Record<string, string>; domainName: string | null };
  env: Readonly<Record<string, string>>;
  stash: Record<string, unknown>;
  prev: { result?: unknown };
  result?: unknown;
  error?: { message: string; type: string };
};

/** What AppSync does to every value crossing a handler boundary: JSON serialization. */
function asJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

type Outcome = { early: false; value: unknown } | { early: true; value: unknown };

function call(code: LoadedCode, handler: 'request' | 'response', ctx: ResolverContext, evaluation: Evaluation): Outcome {
  try {
    return { early: false, value: asJson(withEvaluation(evaluation, () => code.call(handler, ctx))) };
  } catch (error) {
    if (error instanceof EarlyReturn) {
      if (handler === 'response') throw new FieldError('runtime.earlyReturn is allowed only in a request handler', 'Code');
      return { early: true, value: asJson(error.value) };
    }
    if (error instanceof ResolverError) throw new FieldError(error.message, error.errorType, error.data, error.errorInfo);
    const e = error as Error;
    throw new FieldError(`${code.name} ${handler}: ${e?.message ?? String(error)}`, 'Code');
  }
}

async function invoke(step: { dataSource: DataSource; maxBatchSize?: number }, plan: ResolverPlan, key: string, request: unknown, ctx: ResolverContext) {
  const out = await step.dataSource.invoke(request, {
    field: key,
    maxBatchSize: step.maxBatchSize,
    arguments: ctx.arguments,
    identity: ctx.identity,
    resolver: plan.resolver,
  });
  ctx.result = out.result;
  ctx.error = out.error;
}

/**
 * A direct Lambda resolver: the event is the context (arguments, identity, source, request,
 * prev, info, stash); with a maxBatchSize it is batched like BatchInvoke. A batched function
 * may answer an element with { data, errorMessage, errorType } to fail that item alone.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html (direct Lambda resolvers)
 */
async function runDirectLambda(plan: ResolverPlan, ctx: ResolverContext): Promise<unknown> {
  const { arguments: args, identity, source, request, prev, info, stash } = ctx;
  const event = asJson({ arguments: args, identity, source, request, prev, info, stash });
  const operation = plan.maxBatchSize ? 'BatchInvoke' : 'Invoke';
  const out = await plan.dataSource!.invoke({ operation, payload: event }, { field: plan.field, maxBatchSize: plan.maxBatchSize });
  if (out.error) throw new FieldError(out.error.message, out.error.type);
  const result = out.result as { data?: unknown; errorMessage?: string; errorType?: string } | null;
  if (operation === 'BatchInvoke' && result && typeof result === 'object' && ('errorMessage' in result || 'data' in result)) {
    if (result.errorMessage) throw new FieldError(result.errorMessage, result.errorType ?? 'Lambda:Unhandled');
    return asJson(result.data);
  }
  return asJson(result);
}

export async function runResolver(plan: ResolverPlan, ctx: ResolverContext, evaluation: Evaluation): Promise<unknown> {
  if (plan.kind === 'DIRECT') return runDirectLambda(plan, ctx);
  const code = plan.code!;
  if (plan.kind === 'UNIT') {
    const request = call(code, 'request', ctx, evaluation);
    if (request.early) return request.value;
    await invoke({ dataSource: plan.dataSource!, maxBatchSize: plan.maxBatchSize }, plan, plan.field, request.value, ctx);
    return call(code, 'response', ctx, evaluation).value;
  }
  const before = call(code, 'request', ctx, evaluation);
  ctx.prev = { result: before.value };
  if (!before.early) {
    for (const step of plan.functions) {
      ctx.result = undefined;
      ctx.error = undefined;
      const request = call(step.code, 'request', ctx, evaluation);
      if (request.early) {
        ctx.prev = { result: request.value };
        continue;
      }
      await invoke(step, plan, `${plan.field}/${step.name}`, request.value, ctx);
      ctx.prev = { result: call(step.code, 'response', ctx, evaluation).value };
    }
  }
  ctx.result = undefined;
  ctx.error = undefined;
  return call(code, 'response', ctx, evaluation).value;
}
