// Answers of the AWS query protocol: `<ActionResponse xmlns><ActionResult>...</ActionResult>
// <ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>`, lists as repeated
// elements, sent as `text/xml` with `x-amzn-RequestId`.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import type { ServerResponse } from 'node:http';

/** How a service writes its XML: its namespace and the details in which SQS and SNS / SES v1 differ. */
export type QueryXmlStyle = {
  /** The `xmlns` of `<ActionResponse>` and `<ErrorResponse>`. */
  namespace: string;
  /** A newline after `<?xml version="1.0"?>` (SNS, SES v1) or none (SQS). */
  newlineAfterDeclaration: boolean;
  /** Carriage returns as `&#xD;` (SQS): see escapeXml. */
  escapeCarriageReturns: boolean;
  /** An empty `<Detail/>` after the error's `<Message>` (SQS). */
  errorDetail: boolean;
};

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

/**
 * XML text. With `escapeCarriageReturns`, carriage returns go out as references, or XML parsers
 * would turn CRLF into LF and break the body's MD5 (SQS).
 */
export function escapeXml(text: string, options: { escapeCarriageReturns?: boolean } = {}): string {
  return text.replace(options.escapeCarriageReturns ? /[&<>"'\r]/g : /[&<>"']/g, (c) => ENTITIES[c]!);
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

/** The elements of `node`; an array is its items repeated under the one name. */
export function toXml(node: XmlNode, options: { escapeCarriageReturns?: boolean } = {}): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) out += element(name, value, options);
  return out;
}

function element(name: string, value: XmlValue, options: { escapeCarriageReturns?: boolean }): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element(name, item, options)).join('');
  if (typeof value === 'object') return `<${name}>${toXml(value, options)}</${name}>`;
  return `<${name}>${escapeXml(String(value), options)}</${name}>`;
}

export function xmlDeclaration(style: QueryXmlStyle): string {
  return style.newlineAfterDeclaration ? '<?xml version="1.0"?>\n' : '<?xml version="1.0"?>';
}

/** `<ActionResponse xmlns><ActionResult>...</ActionResult><ResponseMetadata>`; no `<ActionResult>` for an undefined result. */
export function queryResponse(style: QueryXmlStyle, action: string, result: XmlNode | undefined, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${toXml(result, style)}</${action}Result>`;
  return (
    `${xmlDeclaration(style)}<${action}Response xmlns="${style.namespace}">${body}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId, style)}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function sendQueryResult(res: ServerResponse, style: QueryXmlStyle, action: string, result: XmlNode | undefined, requestId: string): void {
  sendXml(res, 200, queryResponse(style, action, result, requestId), requestId);
}

export function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml), 'x-amzn-requestid': requestId });
  res.end(xml);
}
