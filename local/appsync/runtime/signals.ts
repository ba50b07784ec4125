// What APPSYNC_JS handlers raise through the runtime: thrown by `util.error`,
// `util.unauthorized` and `runtime.earlyReturn`, caught by the executor. Resolver code
// cannot catch them (APPSYNC_JS has no try/catch).

/** `util.error(message, errorType, data, errorInfo)`: the field fails with this error. */
export class ResolverError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null = null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'ResolverError';
  }
}

/** `runtime.earlyReturn(value)`: skip ahead with `value` as the result. */
export class EarlyReturn {
  constructor(readonly value: unknown) {}
}
