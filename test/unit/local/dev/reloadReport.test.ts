import { describe, expect, it } from 'vitest';
import { describeRestart, describeSwap, duration, reloadLine } from '../../../../local/dev/reloadReport';
import type { TemplateDiff } from '../../../../local/dev/templateDiff';

const empty: TemplateDiff = { functions: [], resolvers: [], appsyncFunctions: [], schema: false, other: [] };

describe('reload lines', () => {
  it('names each swapped piece and both durations', () => {
    const diff: TemplateDiff = {
      ...empty,
      resolvers: ['Mutation.createEvent'],
      functions: [
        { logicalId: 'Fn1', path: 'Auth/PostConfirmation/Function', code: true, environment: false },
        { logicalId: 'Fn2', code: false, environment: true },
      ],
    };
    expect(reloadLine({ kind: 'swapped', diff, durationMs: 40.2 }, 9_830)).toBe(
      '[dev] swapped resolver Mutation.createEvent, function Auth/PostConfirmation/Function, function Fn2 (environment) (synth 9.8 s, swap 40 ms)',
    );
  });

  it('says what forces a restart, by construct path, and cuts a long list', () => {
    const other = Array.from({ length: 10 }, (_, i) => ({ logicalId: `Q${i}`, type: 'AWS::SQS::Queue', change: 'added' as const, path: `Messaging/Q${i}` }));
    expect(describeRestart({ ...empty, other: other.slice(0, 1) })).toBe('added Messaging/Q0 (AWS::SQS::Queue)');
    expect(describeRestart({ ...empty, other })).toMatch(/added Messaging\/Q7 \(AWS::SQS::Queue\) and 2 more$/);
    expect(describeRestart({ ...empty, other: [{ logicalId: 'Outputs', type: 'section', change: 'changed' }] })).toBe('changed template Outputs');
  });

  it('reports the schema first and an unchanged template plainly', () => {
    expect(describeSwap({ ...empty, schema: true, appsyncFunctions: ['getOrganizer'] })).toBe('schema, pipeline function getOrganizer');
    expect(reloadLine({ kind: 'unchanged', diff: empty }, 500)).toBe('[dev] nothing to reload: the template is unchanged (synth 500 ms)');
    expect(duration(12_345)).toBe('12.3 s');
  });
});
