// Query.greeting, version 2 of the hot reload test.
export function request() {
  return { payload: null };
}

export function response() {
  return 'hello from v2';
}
