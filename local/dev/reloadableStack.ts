// A local stack that takes a new synthesis while it runs: code changes are swapped in place
// (hotSwap.ts), anything else restarts the whole stack in-process on the same ports and
// data directory. What `npm run dev` reloads through, and what the tests drive directly.
//
// const dev = await ReloadableStack.start({ cdkOut: 'cdk.out' });
// // ... edit, synthesize into cdk.out (or another directory) ...
// const outcome = await dev.reload('cdk.out'); // { kind: 'swapped', diff, durationMs }
// await dev.stop();
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../stack';
import { readCloudAssembly, type CloudAssembly } from '../template/cloudAssembly';
import { prepareHotSwap } from './hotSwap';
import { stackPorts } from './stackPorts';
import { diffTemplates, reloadKind, type ReloadKind, type TemplateDiff } from './templateDiff';

/** A new synthesis, compared with the running one. */
export type ReloadPlan = { cdkOut: string; assembly: CloudAssembly; diff: TemplateDiff; kind: ReloadKind };

export type ReloadOutcome =
  | { kind: 'unchanged'; diff: TemplateDiff }
  | { kind: 'swapped' | 'restarted'; diff: TemplateDiff; durationMs: number };

export class StackNotRunning extends Error {
  override readonly name = 'StackNotRunning';
}

export class ReloadableStack {
  /** Reloads and stop run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  private constructor(
    private readonly options: LocalStackOptions,
    private running: LocalStack | undefined,
    /** The template the running stack (or the last one, if a restart failed) was started or swapped from. */
    private template: CloudAssembly['template'],
  ) {}

  static async start(options: LocalStackOptions): Promise<ReloadableStack> {
    const stack = await startLocalStack(options);
    const ports = { ...options.ports, ...definedOnly(stackPorts(stack.endpoints)) };
    return new ReloadableStack({ ...options, ports }, stack, stack.model.template);
  }

  /** The running stack; undefined after a restart failed (the next reload starts it again). */
  get stack(): LocalStack | undefined {
    return this.running;
  }

  /** Reads the synthesis in `cdkOut` and compares it with the running template (no side effects). */
  plan(cdkOut: string = this.options.cdkOut): ReloadPlan {
    const assembly = readCloudAssembly(cdkOut, this.options.stackName);
    const diff = diffTemplates(this.template, assembly.template);
    const sameStack = this.running?.endpoints.stackName === assembly.stackName;
    return { cdkOut, assembly, diff, kind: this.running && sameStack ? reloadKind(diff) : 'restart' };
  }

  /**
   * Reloads from the synthesis in `cdkOut`: swaps code in place, or stops the stack and
   * starts it again from that cloud assembly. A swap that fails throws and leaves the running
   * version serving. A restart that fails throws with the stack stopped; the next reload
   * starts it. Reloads run one at a time; each compares with what the previous one left.
   * @param options.onPlan called with the plan before anything changes (to announce a restart)
   */
  reload(cdkOut: string = this.options.cdkOut, options: { onPlan?: (plan: ReloadPlan) => void } = {}): Promise<ReloadOutcome> {
    return this.serially(async () => {
      if (this.stopped) throw new StackNotRunning('The local stack was stopped.');
      const plan = this.plan(cdkOut);
      options.onPlan?.(plan);
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      if (plan.kind === 'unchanged') return { kind: 'unchanged', diff: plan.diff };
      if (plan.kind === 'swap') {
        prepareHotSwap(this.running!, plan.assembly, plan.diff).apply();
        this.template = plan.assembly.template;
        return { kind: 'swapped', diff: plan.diff, durationMs: elapsed() };
      }
      await this.running?.stop();
      this.running = undefined;
      this.running = await startLocalStack({ ...this.options, cdkOut: plan.cdkOut });
      this.template = plan.assembly.template;
      return { kind: 'restarted', diff: plan.diff, durationMs: elapsed() };
    });
  }

  /** Stops the stack, after a reload in progress has finished. */
  stop(): Promise<void> {
    return this.serially(async () => {
      this.stopped = true;
      const stack = this.running;
      this.running = undefined;
      await stack?.stop();
    });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
