// Requests of the AWS query protocol as the SDKs send them: form-encoded `Action=...&Version=...`
// bodies (or the same in the URL query string), lists as `Name.member.N` (or flattened
// `Name.N`), maps as `Name.entry.N.key` / `.value` (or the member's own xmlName, e.g. SNS's
// MessageAttributes use `Name` / `Value`).
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html ; the serializer is
// @aws-sdk/core's QueryShapeSerializer (lists `member.N`, maps `entry.N.key|value`).
//
// Used by SNS and SES v1. SQS reads its requests into the JSON protocol's shapes instead
// (local/sqs/queryProtocol.ts).

export type QueryParams = ReadonlyMap<string, string>;

/** Decodes a form body or a URL query string (both use the same encoding); a repeated name keeps its last value. */
export function parseQuery(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) params.set(key, value);
  return params;
}

/** A request's parameters: the URL query string of a GET, the form body otherwise. */
export function queryRequestParams(method: string | undefined, rawQuery: string, body: Buffer): Map<string, string> {
  return method === 'GET' ? parseQuery(rawQuery) : parseQuery(body.toString('utf8'));
}

/** Whether `name` was sent, as a value or as a structure (`name.<member>...`). */
export function queryHas(params: QueryParams, name: string): boolean {
  if (params.has(name)) return true;
  const childPrefix = `${name}.`;
  for (const key of params.keys()) if (key.startsWith(childPrefix)) return true;
  return false;
}

/** The values of a list of scalars: `prefix.member.1`, `prefix.member.2`, ... (or flattened `prefix.1`). */
export function queryList(params: QueryParams, prefix: string): string[] {
  return queryMembers(params, prefix).map((member) => params.get(member) ?? '');
}

/**
 * The prefixes of a list's members, in order, for lists of structures:
 * `PublishBatchRequestEntries.member.1` -> read `.Id`, `.Message` under it.
 */
export function queryMembers(params: QueryParams, prefix: string): string[] {
  const members: string[] = [];
  for (const style of [`${prefix}.member.`, `${prefix}.`]) {
    for (let i = 1; ; i += 1) {
      const key = `${style}${i}`;
      if (!queryHas(params, key)) break;
      members.push(key);
    }
    if (members.length > 0) return members;
  }
  return members;
}

/**
 * A map's entries as [key, value prefix] pairs: `prefix.entry.N.<keyName>` holds the key and
 * `prefix.entry.N.<valueName>` the value (a scalar, or a structure below that prefix).
 */
export function queryMapEntries(params: QueryParams, prefix: string, keyName = 'key', valueName = 'value'): [string, string][] {
  const entries: [string, string][] = [];
  for (let i = 1; ; i += 1) {
    const keyParam = `${prefix}.entry.${i}.${keyName}`;
    const key = params.get(keyParam);
    if (key === undefined) break;
    entries.push([key, `${prefix}.entry.${i}.${valueName}`]);
  }
  return entries;
}

/** A map of scalars (`Attributes.entry.N.key` / `.value`). */
export function queryMap(params: QueryParams, prefix: string, keyName = 'key', valueName = 'value'): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, valuePrefix] of queryMapEntries(params, prefix, keyName, valueName)) map[key] = params.get(valuePrefix) ?? '';
  return map;
}
