// Query.greeting, version 1 of the hot reload test.
export function request() {
  return { payload: null };
}

export function response() {
  return 'hello from v1';
}
