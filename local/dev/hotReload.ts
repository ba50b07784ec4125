// `npm run dev`'s hot reload: when a watched source changes, synthesize again into the same
// cdk.out and reload the running stack from it (ReloadableStack). A failed synthesis or swap
// is printed and the previous version keeps serving. close() cancels a synthesis in
// progress (its whole process group) and waits for a reload in progress to end.
import { performance } from 'node:perf_hooks';
import type { LocalStack } from '../stack';
import { SynthCancelled } from '../synth';
import { rebuildQueue } from './rebuildQueue';
import type { ReloadableStack } from './reloadableStack';
import { describeRestart, duration, reloadLine } from './reloadReport';
import { watchSources, type SourceWatcher } from './watchSources';

export type Synthesize = (outDir: string, options: { signal: AbortSignal }) => Promise<void>;

export type HotReloadOptions = {
  dev: ReloadableStack;
  /** Where each synthesis goes (the cdk.out the stack was started from). */
  cdkOut: string;
  synth: Synthesize;
  /** The project root; sources are watched under it. */
  root: string;
  /** Watched directories and files, relative to `root` (default: WATCHED_SOURCES). */
  sources?: readonly string[];
  debounceMs?: number;
  /** Whether state lives only in memory (a restart then loses tables and users too). */
  inMemory: boolean;
  print: (line: string) => void;
  /** After a restart: the new stack (its API key changes when in memory). */
  onRestarted?: (stack: LocalStack) => void;
};

export type HotReload = {
  /** Rebuilds now, as a change would (queued behind a rebuild in progress). */
  rebuild(): void;
  /** Resolves when no rebuild is running or queued. */
  idle(): Promise<void>;
  close(): Promise<void>;
};

export function startHotReload(options: HotReloadOptions): HotReload {
  const { dev, print } = options;
  let synthesis: AbortController | undefined;
  let closed = false;

  const rebuild = async () => {
    const started = performance.now();
    synthesis = new AbortController();
    try {
      await options.synth(options.cdkOut, { signal: synthesis.signal });
    } catch (error) {
      if (error instanceof SynthCancelled || closed) return;
      print(`[dev] synth failed: ${(error as Error).message}; still serving the previous version (see the errors above)`);
      return;
    } finally {
      synthesis = undefined;
    }
    if (closed) return;
    const synthMs = performance.now() - started;
    try {
      const outcome = await dev.reload(options.cdkOut, {
        onPlan: (plan) => {
          if (plan.kind !== 'restart') return;
          const lost = options.inMemory
            ? 'in memory, tables, users, stored objects, mail and queued messages are lost and the API key changes'
            : 'queued messages and pending retries are lost; tables, users, objects and mail are kept';
          print(`[dev] restarting the local stack: ${describeRestart(plan.diff) || 'a new stack'} (${lost})`);
        },
      });
      print(reloadLine(outcome, synthMs));
      if (outcome.kind === 'restarted' && dev.stack) options.onRestarted?.(dev.stack);
    } catch (error) {
      const still = dev.stack ? 'still serving the previous version' : 'the local stack is stopped until the next successful reload';
      print(`[dev] reload failed after synth ${duration(synthMs)}: ${(error as Error).message}\n[dev] ${still}`);
    }
  };

  const queue = rebuildQueue(rebuild);
  const watcher: SourceWatcher = watchSources({
    root: options.root,
    sources: options.sources,
    debounceMs: options.debounceMs,
    onChange: (paths) => {
      print(`[dev] ${paths.length === 1 ? paths[0] : `${paths.length} files`} changed: synthesizing...`);
      queue.request();
    },
    onError: (error) => print(`[dev] watching sources failed: ${error.message}`),
  });

  return {
    rebuild: () => queue.request(),
    idle: () => queue.idle(),
    async close() {
      closed = true;
      watcher.close();
      queue.close();
      synthesis?.abort();
      await queue.idle();
    },
  };
}
