// Query.fromLambda: the same in both versions; what changes is the function's code.
export function request() {
  return { operation: 'Invoke', payload: {} };
}

export function response(ctx: { result: unknown }) {
  return ctx.result;
}
