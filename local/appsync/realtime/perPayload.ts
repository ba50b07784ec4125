// Work that depends only on a published result, done once for all the sockets it goes to:
// a publish hands the same JSON string to every sink of a group, one after another, so
// remembering the last string is enough (another string with the same text gives the same
// answer, so nothing can go stale).

export function perPayload<T>(compute: (json: string) => T): (json: string) => T {
  let lastJson: string | undefined;
  let last: T;
  return (json) => {
    if (json !== lastJson) {
      last = compute(json);
      lastJson = json;
    }
    return last;
  };
}
