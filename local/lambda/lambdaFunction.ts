// A function of the template, invocable locally: a pool of execution environments
// (worker threads), each with the function's environment, one invocation at a time each,
// the template's timeout enforced by ending the environment (as Lambda does), and its
// output prefixed with the function's name.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createInterface } from 'node:readline';
import type { Logger } from '../shared/logger';
import type { FunctionConfig } from './options';

const WORKER_FILE = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/** How many environments one function may run at once without reserved concurrency. */
export const DEFAULT_MAX_CONCURRENCY = 10;

export type InvocationError = { errorType: string; errorMessage: string; trace?: string[] };

export type InvocationResult = { ok: true; result: unknown } | { ok: false; error: InvocationError };

type Environment = { worker: Worker };

export class LambdaFunction {
  private readonly idle: Environment[] = [];
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Environment>();

  constructor(
    readonly config: FunctionConfig,
    /** Variables Lambda itself sets (region, credentials, endpoints), under the template's. */
    private readonly runtimeEnvironment: Record<string, string>,
    private readonly logger: Logger,
  ) {}

  get name(): string {
    return this.config.functionName;
  }

  async invoke(event: unknown): Promise<InvocationResult> {
    const limit = this.config.reservedConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    while (this.running >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    const environment = this.idle.pop() ?? this.start();
    try {
      return await this.run(environment, event);
    } finally {
      this.running -= 1;
      if (this.all.has(environment)) this.idle.push(environment);
      this.waiting.shift()?.();
    }
  }

  async stop(): Promise<void> {
    const workers = [...this.all].map((e) => e.worker.terminate());
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers);
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
    for (const stream of [worker.stdout, worker.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.logger.info(`[${config.functionName}] ${line}`));
    }
    const environment: Environment = { worker };
    this.all.add(environment);
    worker.on('error', (error) => {
      this.logger.error(`[${config.functionName}] environment crashed: ${error.message}`);
      this.all.delete(environment);
    });
    worker.on('exit', () => this.all.delete(environment));
    return environment;
  }

  private run(environment: Environment, event: unknown): Promise<InvocationResult> {
    const requestId = randomUUID();
    const timeoutMs = this.config.timeout * 1000;
    return new Promise((resolve) => {
      const { worker } = environment;
      const finish = (result: InvocationResult) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (message: { requestId: string } & InvocationResult) => {
        if (message.requestId === requestId) finish(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
      };
      const onExit = (code: number) =>
        finish({ ok: false, error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${code}` } });
      const timer = setTimeout(() => {
        // Lambda ends an environment whose invocation runs past the timeout.
        this.all.delete(environment);
        void worker.terminate();
        finish({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${this.config.timeout.toFixed(2)} seconds` } });
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ requestId, event: event ?? null, deadline: Date.now() + timeoutMs });
    });
  }
}
