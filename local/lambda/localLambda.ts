// Semantics of the local Lambda API, without HTTP: find a function, invoke it
// synchronously or queue an asynchronous event, describe and list functions. Also the
// FunctionTarget other local services invoke through (LocalServices.invokeFunction).
import type { FunctionTarget } from '../shared/localServices';
import type { AsyncInvocationQueue } from './asyncInvocation';
import { functionConfiguration, getFunctionResponse } from './functionConfiguration';
import { resolveFunction, type ResolvedFunction } from './functionLookup';
import type { LambdaService } from './index';
import type { InvocationResult } from './lambdaFunction';

/** Largest synchronous request and response payload: 6 MB. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Largest asynchronous event: 1 MB. */
export const MAX_ASYNC_PAYLOAD_BYTES = 1024 * 1024;
// Both from the Invoke reference: "For synchronous invocations, the maximum payload size is
// 6 MB. For asynchronous invocations, the maximum payload size is 1 MB."
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html

/** ListFunctions returns up to 50 functions a page by default (MaxItems 1-10,000). */
export const DEFAULT_LIST_PAGE_SIZE = 50;

export class LocalLambda implements FunctionTarget {
  constructor(
    private readonly service: LambdaService,
    private readonly queue: AsyncInvocationQueue,
    private readonly local: { region: string; accountId: string },
  ) {}

  resolve(functionName: string, qualifier?: string): ResolvedFunction {
    return resolveFunction(this.service, functionName, qualifier, this.local);
  }

  async invoke(target: ResolvedFunction, event: unknown): Promise<InvocationResult> {
    const result = await target.fn.invoke(event);
    if (!result.ok) return result;
    // A response over 6 MB becomes a function error, as Lambda reports it.
    const size = Buffer.byteLength(JSON.stringify(result.result ?? null));
    if (size <= MAX_SYNC_PAYLOAD_BYTES) return result;
    return {
      ok: false,
      error: {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_SYNC_PAYLOAD_BYTES} bytes).`,
      },
      log: result.log,
    };
  }

  /** Queues an `Event` invocation; resolves to its request id. */
  invokeAsync(target: ResolvedFunction, event: unknown): string {
    return this.queue.enqueue(target.fn, event);
  }

  getFunction(target: ResolvedFunction) {
    return getFunctionResponse(target.fn.config, /^\d+$/.test(target.qualifier ?? '') ? target.qualifier : '$LATEST');
  }

  getFunctionConfiguration(target: ResolvedFunction) {
    return this.getFunction(target).Configuration;
  }

  listFunctions(marker?: string, maxItems = DEFAULT_LIST_PAGE_SIZE) {
    const start = marker ? Number(marker) || 0 : 0;
    const page = this.service.functions.slice(start, start + maxItems);
    const next = start + page.length;
    return {
      Functions: page.map((fn) => functionConfiguration(fn.config)),
      ...(next < this.service.functions.length ? { NextMarker: String(next) } : {}),
    };
  }

  /** FunctionTarget: other local services invoke here; an unknown function rejects. */
  async invokeFunction(arnOrName: string, event: unknown, invocationType: 'RequestResponse' | 'Event'): Promise<InvocationResult> {
    const target = this.resolve(arnOrName);
    if (invocationType === 'Event') {
      this.invokeAsync(target, event);
      return { ok: true, result: null };
    }
    return this.invoke(target, event);
  }
}
