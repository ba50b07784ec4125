// `extensions` as "Extensions" documents it (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html):
// each call is checked and recorded on the current Evaluation for the executor.
import { describe, expect, it } from 'vitest';
import { createEvaluation, withEvaluation, type Evaluation } from '../../../../../local/appsync/runtime/evaluation';
import { extensions } from '../../../../../local/appsync/runtime/extensions';
import { appsyncModules } from '../../../../../local/appsync/runtime/modules';
import { ResolverError } from '../../../../../local/appsync/runtime/signals';
import { util } from '../../../../../local/appsync/runtime/util';

const run = (evaluation: Evaluation, body: () => void) => withEvaluation(evaluation, body);

describe('extensions.setSubscriptionFilter / setSubscriptionInvalidationFilter', () => {
  it('records the filter built with util.transform.toSubscriptionFilter', () => {
    const evaluation = createEvaluation('API Key Authorization');
    run(evaluation, () => {
      extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ severity: { le: 3 }, group: { in: ['Admin', 'Developer'] } }));
      extensions.setSubscriptionInvalidationFilter({ filterGroup: [{ filters: [{ fieldName: 'group', operator: 'eq', value: 'Developer' }] }] });
    });
    expect(evaluation.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'severity', operator: 'le', value: 3 }, { fieldName: 'group', operator: 'in', value: ['Admin', 'Developer'] }] }],
    });
    expect(evaluation.invalidationFilter?.filterGroup[0].filters[0].value).toBe('Developer');
  });

  it('refuses a filter AWS would refuse, as a GraphQL error on the field', () => {
    const evaluation = createEvaluation('API Key Authorization');
    expect(() => run(evaluation, () => extensions.setSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName: 'a', operator: 'like', value: 1 }] }] }))).toThrow(ResolverError);
    expect(evaluation.subscriptionFilter).toBeUndefined();
  });
});

describe('extensions.invalidateSubscriptions', () => {
  it('records the page example (onUserDelete with a payload)', () => {
    const evaluation = createEvaluation('API Key Authorization');
    run(evaluation, () => extensions.invalidateSubscriptions({ subscriptionField: 'onUserDelete', payload: { group: 'Developer', type: 'Full-Time' } }));
    expect(evaluation.invalidations).toEqual([{ subscriptionField: 'onUserDelete', payload: { group: 'Developer', type: 'Full-Time' } }]);
  });

  it('allows at most five unique calls in a single request, shared between its fields', () => {
    const invalidations: NonNullable<Evaluation['invalidations']> = [];
    const field = () => createEvaluation('API Key Authorization', { invalidations });
    const call = (n: number) => extensions.invalidateSubscriptions({ subscriptionField: 'onUserDelete', payload: { id: n } });
    run(field(), () => [1, 2, 3].forEach(call));
    run(field(), () => [3, 4, 5, 1].forEach(call)); // repeats do not count
    expect(invalidations).toHaveLength(5);
    expect(() => run(field(), () => call(6))).toThrow(/at most 5 unique calls/);
  });

  it('checks its argument', () => {
    const evaluation = createEvaluation('API Key Authorization');
    expect(() => run(evaluation, () => extensions.invalidateSubscriptions({ payload: {} }))).toThrow(/subscriptionField/);
    expect(() => run(evaluation, () => extensions.invalidateSubscriptions({ subscriptionField: 'onX', payload: 'x' }))).toThrow(/payload/);
  });
});

describe('extensions.evictFromApiCache', () => {
  it("records the page example: Query.allClasses keyed by 'context.arguments.semester'", () => {
    const evaluation = createEvaluation('API Key Authorization');
    run(evaluation, () => extensions.evictFromApiCache('Query', 'allClasses', { 'context.arguments.semester': 'fall' }));
    expect(evaluation.cacheEvictions).toEqual([{ typeName: 'Query', fieldName: 'allClasses', keys: { 'context.arguments.semester': 'fall' } }]);
  });

  it('checks its arguments', () => {
    const evaluation = createEvaluation('API Key Authorization');
    expect(() => run(evaluation, () => extensions.evictFromApiCache('Query', '', {}))).toThrow(/fieldName/);
    expect(() => run(evaluation, () => extensions.evictFromApiCache('Query', 'allClasses', null))).toThrow(/caching key/);
  });
});

describe('@aws-appsync/utils in the sandbox', () => {
  it('exports extensions next to util and runtime', () => {
    const utils = appsyncModules()['@aws-appsync/utils'] as Record<string, unknown>;
    expect(utils.extensions).toBe(extensions);
    expect(Object.keys(utils.extensions as object).sort()).toEqual(['evictFromApiCache', 'invalidateSubscriptions', 'setSubscriptionFilter', 'setSubscriptionInvalidationFilter']);
  });

  it('keeps Evaluations built without the new fields working (fields are created on first use)', () => {
    const evaluation: Evaluation = { authType: 'API Key Authorization', appendedErrors: [] };
    run(evaluation, () => {
      extensions.evictFromApiCache('Query', 'allClasses', {});
      util.http.addResponseHeader('itemsCount', 7);
    });
    expect(evaluation.cacheEvictions).toHaveLength(1);
    expect(evaluation.responseHeaders).toEqual({ itemsCount: '7' });
  });
});
