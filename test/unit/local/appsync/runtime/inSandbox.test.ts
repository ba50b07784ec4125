// `util` and `extensions` as resolver code sees them: imported from @aws-appsync/utils inside
// the APPSYNC_JS sandbox, with the records landing on the Evaluation of the handler.
// https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html (the page's examples)
import { describe, expect, it } from 'vitest';
import { createEvaluation, withEvaluation } from '../../../../../local/appsync/runtime/evaluation';
import { appsyncModules } from '../../../../../local/appsync/runtime/modules';
import { Sandbox } from '../../../../../local/appsync/sandbox';
import { createLogger, setLogLevel } from '../../../../../local/shared/logger';

setLogLevel('silent');
const sandbox = new Sandbox(appsyncModules(), createLogger('test'));

describe('util and extensions inside the sandbox', () => {
  it('a subscription response handler sets its filter with toSubscriptionFilter', () => {
    const code = sandbox.load(
      'onTicket.js',
      `import { util, extensions } from '@aws-appsync/utils';
       export const request = () => ({ payload: null });
       export function response(ctx) {
         extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ severity: { le: ctx.args.max }, group: { eq: 'Admin' } }));
         return null;
       }`,
    );
    const evaluation = createEvaluation('API Key Authorization');
    withEvaluation(evaluation, () => code.call('response', { args: { max: 3 } }));
    expect(evaluation.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'severity', operator: 'le', value: 3 }, { fieldName: 'group', operator: 'eq', value: 'Admin' }] }],
    });
  });

  it('a mutation response handler invalidates subscriptions and evicts a cache entry', () => {
    const code = sandbox.load(
      'deleteUser.js',
      `import { util, extensions } from '@aws-appsync/utils';
       export const request = () => ({ payload: null });
       export function response(ctx) {
         extensions.invalidateSubscriptions({ subscriptionField: 'onUserDelete', payload: { group: 'Developer', type: 'Full-Time' } });
         extensions.evictFromApiCache('Query', 'allClasses', { 'context.arguments.semester': ctx.args.semester });
         util.http.addResponseHeader('itemsCount', 7);
         return ctx.result;
       }`,
    );
    const evaluation = createEvaluation('API Key Authorization');
    withEvaluation(evaluation, () => code.call('response', { args: { semester: 'fall' }, result: { ok: true } }));
    expect(evaluation.invalidations).toEqual([{ subscriptionField: 'onUserDelete', payload: { group: 'Developer', type: 'Full-Time' } }]);
    expect(evaluation.cacheEvictions).toEqual([{ typeName: 'Query', fieldName: 'allClasses', keys: { 'context.arguments.semester': 'fall' } }]);
    expect(evaluation.responseHeaders).toEqual({ itemsCount: '7' });
  });

  it('resolver code cannot change util or extensions for the next handler', () => {
    const code = sandbox.load('tamper.js', `import { util, extensions } from '@aws-appsync/utils';\nexport function request() { util.time.nowISO8601 = () => 'x'; return 1; }`);
    expect(() => withEvaluation(createEvaluation('API Key Authorization'), () => code.call('request', {}))).toThrow();
    // Checked from outside: APPSYNC_JS itself has no Object.isFrozen (the loader refuses it).
    const { extensions } = appsyncModules()['@aws-appsync/utils'] as { extensions: object };
    expect(Object.isFrozen(extensions)).toBe(true);
  });
});
