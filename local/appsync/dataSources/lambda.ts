// AWS_LAMBDA data source: runs the template's function locally.
// Invoke: the request's `payload` is the function's event; its return value is ctx.result.
// BatchInvoke: the payloads of one field across the items of a list are sent together as
//   one array event (up to the resolver's maxBatchSize); element i of the returned array
//   is ctx.result for item i.
// invocationType "Event" invokes asynchronously: ctx.result is null.
// A function error becomes ctx.error with type "Lambda:Unhandled".
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
import type { LambdaFunction } from '../../lambda/lambdaFunction';
import type { FunctionTarget } from '../../shared/localServices';
import type { Logger } from '../../shared/logger';
import type { DataSource, DataSourceCall, DataSourceResult } from './dataSource';

type LambdaRequest = { operation?: string; invocationType?: string; payload?: unknown };

type Pending = { payload: unknown; resolve: (result: DataSourceResult) => void };

export class LambdaDataSource implements DataSource {
  readonly type = 'AWS_LAMBDA';
  private readonly batches = new Map<string, Pending[]>();

  /**
   * @param functionOf the function's current code, looked up per call (a hot reload swaps it)
   * @param asyncInvoker Lambda's asynchronous invocation (retries, destinations) for `Event`
   *   invocations; without it they run once, unretried
   */
  constructor(
    readonly name: string,
    private readonly functionOf: () => LambdaFunction,
    private readonly logger: Logger,
    private readonly asyncInvoker?: FunctionTarget,
  ) {}

  private get fn(): LambdaFunction {
    return this.functionOf();
  }

  async invoke(request: unknown, call?: DataSourceCall): Promise<DataSourceResult> {
    const req = (request ?? {}) as LambdaRequest;
    if (req.operation === 'Invoke') {
      if (req.invocationType === 'Event') {
        const fn = this.fn;
        const queued = this.asyncInvoker
          ? this.asyncInvoker.invokeFunction(fn.config.arn, req.payload ?? null, 'Event')
          : fn.invoke(req.payload ?? null);
        void queued.then(
          (out) => {
            if (!out.ok) this.logger.warn(`${fn.name} (Event invocation) failed: ${out.error.errorMessage}`);
          },
          (error: Error) => this.logger.warn(`${fn.name} (Event invocation) was not queued: ${error.message}`),
        );
        return { result: null };
      }
      const out = await this.fn.invoke(req.payload ?? null);
      return out.ok ? { result: out.result } : { result: null, error: { message: out.error.errorMessage, type: 'Lambda:Unhandled' } };
    }
    if (req.operation === 'BatchInvoke') return this.enqueue(req.payload ?? null, call);
    return {
      result: null,
      error: { message: `Lambda data source ${this.name}: operation must be Invoke or BatchInvoke, got ${String(req.operation)}`, type: 'Lambda:BadRequest' },
    };
  }

  private enqueue(payload: unknown, call?: DataSourceCall): Promise<DataSourceResult> {
    const key = call?.field ?? '';
    return new Promise((resolve) => {
      let batch = this.batches.get(key);
      if (!batch) {
        batch = [];
        this.batches.set(key, batch);
        // Items of one list resolve in the same turn of the event loop: flush after it.
        setImmediate(() => this.flush(key));
      }
      batch.push({ payload, resolve });
      if (call?.maxBatchSize && batch.length >= call.maxBatchSize) this.flush(key);
    });
  }

  private flush(key: string) {
    const batch = this.batches.get(key);
    if (!batch || batch.length === 0) return;
    this.batches.delete(key);
    void this.fn.invoke(batch.map((p) => p.payload)).then((out) => {
      if (!out.ok) {
        for (const p of batch) p.resolve({ result: null, error: { message: out.error.errorMessage, type: 'Lambda:Unhandled' } });
        return;
      }
      if (!Array.isArray(out.result) || out.result.length !== batch.length) {
        const message = `${this.fn.name} must return an array of ${batch.length} results for BatchInvoke (one per item, in order)`;
        for (const p of batch) p.resolve({ result: null, error: { message, type: 'Lambda:Unhandled' } });
        return;
      }
      batch.forEach((p, i) => p.resolve({ result: (out.result as unknown[])[i] ?? null }));
    });
  }
}
