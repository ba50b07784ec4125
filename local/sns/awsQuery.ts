// The AWS query protocol as @aws-sdk/client-sns and @aws-sdk/client-ses (v1) speak it:
// form-encoded `Action=...&Version=...` bodies, lists as `Name.member.N`, maps as
// `Name.entry.N.key` / `.value` (or the member's own xmlName, e.g. SNS's MessageAttributes
// use `Name` / `Value`), XML answers `<ActionResponse><ActionResult>` and
// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html ; the serializer is
// @aws-sdk/core's QueryShapeSerializer (lists `member.N`, maps `entry.N.key|value`).
//
// Used by the SNS router and by the SES v1 router (both query services); it belongs in
// local/shared and lives here only because this change may not touch local/shared.

export type QueryParams = ReadonlyMap<string, string>;

/** Decodes a form body or a URL query string (both use the same encoding). */
export function parseQuery(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) params.set(key, value);
  return params;
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
      if (!hasKeyOrChildren(params, key)) break;
      members.push(key);
    }
    if (members.length > 0) return members;
  }
  return members;
}

/** Whether a list was sent at all (the SDK sends `Name=` for an empty list). */
export function queryHasList(params: QueryParams, prefix: string): boolean {
  return params.has(prefix) || queryMembers(params, prefix).length > 0;
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

function hasKeyOrChildren(params: QueryParams, key: string): boolean {
  if (params.has(key)) return true;
  const childPrefix = `${key}.`;
  for (const name of params.keys()) if (name.startsWith(childPrefix)) return true;
  return false;
}

// --- XML answers ---

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An XML fragment: elements in order, values escaped; undefined values are left out. */
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlValue[];
export type XmlNode = { [element: string]: XmlValue };

/** Lists go out as repeated `<member>` elements, as the query protocol's XML deserializer expects. */
export function xmlMembers(items: XmlValue[]): XmlNode {
  return { member: items };
}

/** Maps go out as `<entry><key/><value/></entry>`. */
export function xmlEntries(map: Record<string, string>): XmlNode {
  return { entry: Object.entries(map).map(([key, value]) => ({ key, value })) };
}

export function toXml(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) out += element(name, value);
  return out;
}

function element(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  if (typeof value === 'object') return `<${name}>${toXml(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<ActionResponse xmlns><ActionResult>...</ActionResult><ResponseMetadata>` as the query protocol answers. */
export function queryResponse(action: string, namespace: string, result: XmlNode | undefined, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
  return (
    `<?xml version="1.0"?>\n<${action}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** `<ErrorResponse>` with the fault side (`Sender` / `Receiver`), the wire code and the message. */
export function queryErrorResponse(
  namespace: string,
  error: { type: 'Sender' | 'Receiver'; code: string; message: string },
  requestId: string,
): string {
  return (
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
