// AppSync's order of evaluation for unit and pipeline resolvers, runtime.earlyReturn,
// util.error and util.appendError, as "AWS AppSync JavaScript resolver overview" and
// "Runtime utilities" describe them:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
import { describe, expect, it } from 'vitest';
import type { DataSource } from '../../../../../local/appsync/dataSources/dataSource';
import { NoneDataSource } from '../../../../../local/appsync/dataSources/none';
import { FieldError } from '../../../../../local/appsync/errors';
import { runResolver, type ResolverContext, type ResolverPlan } from '../../../../../local/appsync/executor/runResolver';
import type { Evaluation } from '../../../../../local/appsync/runtime/evaluation';
import { appsyncModules } from '../../../../../local/appsync/runtime/modules';
import { Sandbox } from '../../../../../local/appsync/sandbox';
import { createLogger } from '../../../../../local/shared/logger';

const sandbox = new Sandbox(appsyncModules(), createLogger('test'));
const none = new NoneDataSource('none');

/** A code module whose handlers log their step into ctx.stash.log. */
function step(name: string, opts: { request?: string; response?: string } = {}) {
  return sandbox.load(
    `${name}.js`,
    `import { util, runtime } from '@aws-appsync/utils';
     export function request(ctx) { ctx.stash.log = (ctx.stash.log || []).concat('${name}.request'); ${opts.request ?? `return { payload: '${name}' };`} }
     export function response(ctx) { ctx.stash.log = ctx.stash.log.concat('${name}.response'); ${opts.response ?? `return { from: '${name}', prev: ctx.prev.result, result: ctx.result, log: ctx.stash.log };`} }`,
  );
}

function ctx(): ResolverContext {
  return { arguments: {}, args: {}, identity: null, source: null, info: {}, request: { headers: {}, domainName: null }, env: {}, stash: {}, prev: {} };
}

const evaluation = (): Evaluation => ({ authType: 'API Key Authorization', appendedErrors: [] });

function pipeline(resolver: ReturnType<typeof step>, ...fns: ReturnType<typeof step>[]): ResolverPlan {
  return { field: 'Query.test', kind: 'PIPELINE', code: resolver, functions: fns.map((code, i) => ({ name: `fn${i}`, code, dataSource: none })) };
}

describe('pipeline resolvers', () => {
  it('run request, each function (request, data source, response), then response, with one stash', async () => {
    const result = (await runResolver(pipeline(step('resolver'), step('fn1'), step('fn2')), ctx(), evaluation())) as Record<string, unknown>;
    expect(result.log).toEqual(['resolver.request', 'fn1.request', 'fn1.response', 'fn2.request', 'fn2.response', 'resolver.response']);
    // Each step's value becomes ctx.prev.result of the next.
    expect(result.prev).toMatchObject({ from: 'fn2', result: 'fn2', prev: { from: 'fn1', result: 'fn1', prev: { payload: 'resolver' } } });
  });

  it('skip every function when the resolver request returns early', async () => {
    const plan = pipeline(step('resolver', { request: `runtime.earlyReturn({ early: true });` }), step('fn1'));
    const result = (await runResolver(plan, ctx(), evaluation())) as Record<string, unknown>;
    expect(result.log).toEqual(['resolver.request', 'resolver.response']);
    expect(result.prev).toEqual({ early: true });
  });

  it('skip only that function’s data source and response when a function request returns early', async () => {
    const plan = pipeline(step('resolver'), step('fn1', { request: `runtime.earlyReturn('skipped');` }), step('fn2'));
    const result = (await runResolver(plan, ctx(), evaluation())) as Record<string, unknown>;
    expect(result.log).toEqual(['resolver.request', 'fn1.request', 'fn2.request', 'fn2.response', 'resolver.response']);
    expect((result.prev as Record<string, unknown>).prev).toBe('skipped');
  });

  it('stop at util.error with its type, data and errorInfo', async () => {
    const plan = pipeline(step('resolver'), step('fn1', { response: `util.error('nope', 'Conflict', { a: 1 }, { why: 'x' });` }), step('fn2'));
    await expect(runResolver(plan, ctx(), evaluation())).rejects.toEqual(
      expect.objectContaining({ message: 'nope', errorType: 'Conflict', data: { a: 1 }, errorInfo: { why: 'x' } }),
    );
  });

  it('go on after util.appendError and keep the error', async () => {
    const e = evaluation();
    const plan = pipeline(step('resolver'), step('fn1', { request: `util.appendError('soft', 'Warning'); return { payload: 1 };` }));
    await runResolver(plan, ctx(), e);
    expect(e.appendedErrors).toEqual([{ message: 'soft', errorType: 'Warning', data: null, errorInfo: null }]);
  });
});

describe('unit resolvers', () => {
  it('hand the data source result and error to the response handler, which decides', async () => {
    const failing: DataSource = { name: 'f', type: 'TEST', invoke: async () => ({ result: { current: 1 }, error: { message: 'boom', type: 'DynamoDB:X' } }) };
    const code = step('unit', { response: `return { error: ctx.error, result: ctx.result };` });
    const plan: ResolverPlan = { field: 'Query.u', kind: 'UNIT', code, dataSource: failing, functions: [] };
    expect(await runResolver(plan, ctx(), evaluation())).toEqual({ error: { message: 'boom', type: 'DynamoDB:X' }, result: { current: 1 } });
  });

  it('return the early value without calling the data source or the response handler', async () => {
    const never: DataSource = { name: 'n', type: 'TEST', invoke: async () => { throw new Error('called'); } };
    const plan: ResolverPlan = { field: 'Query.u', kind: 'UNIT', code: step('unit', { request: `runtime.earlyReturn({ cached: true });` }), dataSource: never, functions: [] };
    expect(await runResolver(plan, ctx(), evaluation())).toEqual({ cached: true });
  });

  it('report a code error with the file and handler', async () => {
    const plan: ResolverPlan = { field: 'Query.u', kind: 'UNIT', code: step('broken', { request: `return ctx.missing.deeper;` }), dataSource: none, functions: [] };
    const error = await runResolver(plan, ctx(), evaluation()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).message).toMatch(/broken.js request: .*deeper/);
  });
});
