// The lines `npm run dev` prints for a reload: what changed and how long it took.
//   [dev] swapped resolver Mutation.createEvent, function Auth/PostConfirmation/Function (synth 9.8 s, swap 40 ms)
import type { ReloadOutcome } from './reloadableStack';
import type { ResourceChange, TemplateDiff } from './templateDiff';

/** What a swap changes, e.g. `resolver Query.me, function Auth/PostConfirmation/Function (environment)`. */
export function describeSwap(diff: TemplateDiff): string {
  const parts = [
    ...(diff.schema ? ['schema'] : []),
    ...diff.resolvers.map((field) => `resolver ${field}`),
    ...diff.appsyncFunctions.map((name) => `pipeline function ${name}`),
    ...diff.functions.map((f) => `function ${f.path ?? f.logicalId}${f.code ? '' : ' (environment)'}`),
  ];
  return parts.join(', ');
}

/** What forces a restart, e.g. `changed Data/Table (AWS::DynamoDB::Table), added Outputs`. */
export function describeRestart(diff: TemplateDiff, max = 8): string {
  const parts = diff.other.map((c) => `${c.change} ${describeResource(c)}`);
  const shown = parts.slice(0, max).join(', ');
  return parts.length > max ? `${shown} and ${parts.length - max} more` : shown;
}

function describeResource(change: ResourceChange): string {
  if (change.type === 'section') return `template ${change.logicalId}`;
  return `${change.path ?? change.logicalId} (${change.type})`;
}

export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The one line a finished reload prints. */
export function reloadLine(outcome: ReloadOutcome, synthMs: number): string {
  const synth = `synth ${duration(synthMs)}`;
  switch (outcome.kind) {
    case 'unchanged':
      return `[dev] nothing to reload: the template is unchanged (${synth})`;
    case 'swapped':
      return `[dev] swapped ${describeSwap(outcome.diff)} (${synth}, swap ${duration(outcome.durationMs)})`;
    case 'restarted':
      return `[dev] restarted the local stack (${synth}, restart ${duration(outcome.durationMs)})`;
  }
}
