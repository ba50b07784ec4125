// What every benchmark shares: round and call counts from the environment, medians, timing
// a round of sequential calls, and writing bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
export const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? 60);

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds per call of `calls` sequential calls. */
export async function timeCalls(fn: (i: number) => Promise<void>, calls = CALLS_PER_ROUND): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) await fn(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / calls;
}

export function writeResult(name: string, result: Record<string, unknown>) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ benchmark: name, ...result, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}

/** The figures of one measured path as the results file keeps them. */
export const summary = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * The median of the ratios of rounds run one after the other (measured path, then baseline):
 * less moved by load that changes between rounds than the ratio of the two medians.
 */
export const medianRoundRatio = (measured: number[], baseline: number[]) => median(measured.map((m, i) => m / baseline[i]));
