// A function of the template, invocable locally: a pool of execution environments
// (worker threads), each with the function's environment, one invocation at a time each,
// the template's timeout enforced by ending the environment (as Lambda does), and its
// output prefixed with the function's name. Each invocation's own log lines and its REPORT
// figures come back with its result (invocationLog.ts), for Invoke's LogType Tail.
// `replaceConfig` deploys new code or environment in place (`npm run dev`'s hot reload):
// environments start on the new config from then on, as after a Lambda update, while
// invocations already running finish on the old one.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createInterface } from 'node:readline';
import type { Logger } from '../shared/logger';
import { reportLine, type InvocationLog, type InvocationReport } from './invocationLog';
import type { FunctionConfig } from './options';

const WORKER_FILE = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** How many environments one function may run at once without reserved concurrency. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/**
 * Lambda's Init phase (loading the code, the handler module's top level) is limited to 10 s
 * apart from the function's timeout; an init that takes longer goes on within the first
 * invocation's timeout. So an invocation's timer starts when its environment is initialized,
 * or 10 s after the environment started, whichever is first: a machine slowed by a burst of
 * cold starts does not time out invocations that Lambda would have run.
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
 */
export const INIT_PHASE_LIMIT_MS = 10_000;

export type InvocationError = { errorType: string; errorMessage: string; trace?: string[] };

export type InvocationResult = ({ ok: true; result: unknown } | { ok: false; error: InvocationError }) & {
  /** This invocation's log lines and REPORT figures (absent when nothing ran, e.g. async queueing). */
  log?: InvocationLog;
};

export type { InvocationLog, InvocationReport } from './invocationLog';

type Collector = { requestId: string; lines: string[] };

type Environment = { worker: Worker; current?: Collector; /** Settles when the Init phase ended or ran out of its time. */ initialized: Promise<void> };

type WorkerMessage =
  | { type: 'log'; requestId?: string; text: string }
  | { type: 'initialized' }
  | ({ type: 'result'; requestId: string; report: Omit<InvocationReport, 'requestId' | 'memorySizeMb'> } & (
      | { ok: true; result: unknown }
      | { ok: false; error: InvocationError }
    ));

export class LambdaFunction {
  private readonly idle: Environment[] = [];
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Environment>();
  /** Environments on a replaced config, still running an invocation; ended when it finishes. */
  private readonly retiring = new Set<Environment>();
  private deployed: FunctionConfig;

  constructor(
    config: FunctionConfig,
    /** Variables Lambda itself sets (region, credentials, endpoints), under the template's. */
    private readonly runtimeEnvironment: Record<string, string>,
    private readonly logger: Logger,
  ) {
    this.deployed = config;
  }

  get config(): FunctionConfig {
    return this.deployed;
  }

  get name(): string {
    return this.config.functionName;
  }

  /**
   * New code or environment for the same function: idle environments are ended, busy ones
   * end when their invocation finishes, and every environment started from now on runs
   * `config`. Callers keep this object (lookups, queued events, retries see the new code).
   */
  replaceConfig(config: FunctionConfig): void {
    if (config.logicalId !== this.deployed.logicalId || config.arn !== this.deployed.arn) {
      throw new Error(`${this.name} cannot take the config of ${config.logicalId} (${config.arn})`);
    }
    this.deployed = config;
    for (const environment of this.all) this.retiring.add(environment);
    this.all.clear();
    for (const environment of this.idle.splice(0)) this.end(environment);
  }

  /**
   * @param options.requestId the invocation's request id; asynchronous retries pass the
   *   event's own, so that the function sees the same awsRequestId on every attempt.
   */
  async invoke(event: unknown, options: { requestId?: string } = {}): Promise<InvocationResult> {
    const limit = this.config.reservedConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    while (this.running >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    const environment = this.idle.pop() ?? this.start();
    try {
      return await this.run(environment, event, options.requestId ?? randomUUID());
    } finally {
      this.running -= 1;
      if (this.all.has(environment)) this.idle.push(environment);
      else if (this.retiring.has(environment)) this.end(environment);
      this.waiting.shift()?.();
    }
  }

  async stop(): Promise<void> {
    const workers = [...this.all, ...this.retiring].map((e) => e.worker.terminate());
    this.all.clear();
    this.retiring.clear();
    this.idle.length = 0;
    await Promise.all(workers);
  }

  /** Number of execution environments running (idle, busy or finishing on a replaced config). */
  get environments(): number {
    return this.all.size + this.retiring.size;
  }

  private end(environment: Environment): void {
    this.retiring.delete(environment);
    void environment.worker.terminate();
  }

  private start(): Environment {
    const { config } = this;
    const worker = new Worker(WORKER_FILE, {
      workerData: { codePath: config.codePath, handler: config.handler, functionName: config.functionName, arn: config.arn, memorySize: config.memorySize },
      env: {
        ...this.runtimeEnvironment,
        AWS_LAMBDA_FUNCTION_NAME: config.functionName,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memorySize),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${config.functionName}`,
        AWS_EXECUTION_ENV: `AWS_Lambda_${config.runtime}`,
        LAMBDA_TASK_ROOT: config.codePath,
        _HANDLER: config.handler,
        ...config.environment(),
      },
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, config.memorySize) },
    });
    let initLimit: NodeJS.Timeout | undefined;
    const initialized = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(initLimit);
        resolve();
      };
      initLimit = setTimeout(done, INIT_PHASE_LIMIT_MS);
      worker.on('message', (message: WorkerMessage) => message.type === 'initialized' && done());
      worker.once('exit', done);
    });
    const environment: Environment = { worker, initialized };
    // The worker sends its output as messages (worker.mjs); what still reaches the pipes
    // (native writes) is logged without being part of an invocation's log.
    for (const stream of [worker.stdout, worker.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.logger.info(`[${config.functionName}] ${line}`));
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'log') return;
      this.logger.info(`[${config.functionName}] ${message.text}`);
      if (environment.current && message.requestId === environment.current.requestId) environment.current.lines.push(message.text);
    });
    this.all.add(environment);
    worker.on('error', (error) => {
      this.logger.error(`[${config.functionName}] environment crashed: ${error.message}`);
      this.all.delete(environment);
      this.retiring.delete(environment);
    });
    worker.on('exit', () => {
      this.all.delete(environment);
      this.retiring.delete(environment);
    });
    return environment;
  }

  private run(environment: Environment, event: unknown, requestId: string): Promise<InvocationResult> {
    const timeoutMs = this.config.timeout * 1000;
    const collector: Collector = { requestId, lines: [] };
    environment.current = collector;
    const startedAt = performance.now();
    return new Promise((resolve) => {
      const { worker } = environment;
      const finish = (outcome: { ok: true; result: unknown } | { ok: false; error: InvocationError }, report: Omit<InvocationReport, 'requestId' | 'memorySizeMb'>) => {
        finished = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        environment.current = undefined;
        const log: InvocationLog = { requestId, lines: collector.lines, report: { requestId, memorySizeMb: this.config.memorySize, ...report } };
        this.logger.debug(`[${this.config.functionName}] ${reportLine(log.report)}`);
        resolve({ ...outcome, log });
      };
      const elapsed = () => ({ durationMs: performance.now() - startedAt, maxMemoryUsedMb: 0 });
      const onMessage = (message: WorkerMessage) => {
        if (message.type !== 'result' || message.requestId !== requestId) return;
        finish(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error }, message.report);
      };
      const onExit = (code: number) =>
        finish(
          { ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}` } },
          elapsed(),
        );
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      const armTimer = () => {
        if (finished) return;
        timer = setTimeout(onTimeout, timeoutMs);
      };
      const onTimeout = () => {
        // Lambda ends an environment whose invocation runs past the timeout.
        this.all.delete(environment);
        this.retiring.delete(environment);
        void worker.terminate();
        const message = `Task timed out after ${this.config.timeout.toFixed(2)} seconds`;
        collector.lines.push(`${new Date().toISOString()} ${requestId} ${message}`);
        finish({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: message } }, { ...elapsed(), durationMs: timeoutMs });
      };
      void environment.initialized.then(armTimer);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ requestId, event: event ?? null, timeoutMs });
    });
  }
}
