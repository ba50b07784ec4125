// SQS over the AWS query protocol, for clients older than the JSON switch (JS v3 before
// 3.447.0, JS v2, older boto3): form-encoded `Action=...&Version=2012-11-05` (or the same in
// the query string), answered in XML. Requests decode to the JSON protocol's input shapes and
// answers encode from its output shapes, so the actions are written once.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html (flattened lists and maps)
import type { ServerResponse } from 'node:http';
import type { SqsError } from './errors';
import type { Input } from './operations/input';

const XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';

/** Flattened lists: `AttributeName.1=All` is `AttributeNames: ["All"]`. */
const LISTS: Record<string, string> = {
  AttributeName: 'AttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
  TagKey: 'TagKeys',
};
/** Flattened maps: `Attribute.1.Name=X&Attribute.1.Value=Y` is `Attributes: {X: Y}`. */
const MAPS: Record<string, { member: string; key: string; value: string }> = {
  Attribute: { member: 'Attributes', key: 'Name', value: 'Value' },
  MessageAttribute: { member: 'MessageAttributes', key: 'Name', value: 'Value' },
  MessageSystemAttribute: { member: 'MessageSystemAttributes', key: 'Name', value: 'Value' },
  Tag: { member: 'Tags', key: 'Key', value: 'Value' },
};
/** Batch entries: `SendMessageBatchRequestEntry.1.Id=a` is `Entries: [{Id: "a"}]`. */
const ENTRIES = new Set(['SendMessageBatchRequestEntry', 'DeleteMessageBatchRequestEntry', 'ChangeMessageVisibilityBatchRequestEntry']);

/** Element names of list members in answers (the service model's xmlName traits). */
const OUTPUT_LIST_ELEMENTS: Record<string, Record<string, string>> = {
  SendMessageBatch: { Successful: 'SendMessageBatchResultEntry', Failed: 'BatchResultErrorEntry' },
  DeleteMessageBatch: { Successful: 'DeleteMessageBatchResultEntry', Failed: 'BatchResultErrorEntry' },
  ChangeMessageVisibilityBatch: { Successful: 'ChangeMessageVisibilityBatchResultEntry', Failed: 'BatchResultErrorEntry' },
};
const COMMON_LIST_ELEMENTS: Record<string, string> = { Messages: 'Message', QueueUrls: 'QueueUrl', queueUrls: 'QueueUrl' };
const MAP_ELEMENTS: Record<string, { entry: string; key: string; value: string }> = {
  Attributes: { entry: 'Attribute', key: 'Name', value: 'Value' },
  MessageAttributes: { entry: 'MessageAttribute', key: 'Name', value: 'Value' },
  Tags: { entry: 'Tag', key: 'Key', value: 'Value' },
};

/** The action and its input from the query string and form body; a queue URL path stands in for QueueUrl. */
export function readQueryRequest(query: URLSearchParams, body: Buffer, queueUrlFromPath: string | undefined): { action: string; input: Input } {
  const params = new URLSearchParams(query);
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.append(key, value);
  const action = params.get('Action') ?? '';
  const tree: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    setPath(tree, key.split('.'), value);
  }
  const input = shape(tree);
  if (action === 'CreateQueue' && input.Tags !== undefined) {
    input.tags = input.Tags;
    delete input.Tags;
  }
  if (input.QueueUrl === undefined && queueUrlFromPath !== undefined) input.QueueUrl = queueUrlFromPath;
  return { action, input };
}

export function writeQueryResult(res: ServerResponse, requestId: string, action: string, output: Record<string, unknown>): void {
  const listElements = { ...COMMON_LIST_ELEMENTS, ...OUTPUT_LIST_ELEMENTS[action] };
  const result = Object.entries(output)
    .map(([name, value]) => element(name, value, listElements))
    .join('');
  const xml =
    `<?xml version="1.0"?><${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  send(res, 200, xml, requestId);
}

export function writeQueryError(res: ServerResponse, requestId: string, error: SqsError): void {
  const xml =
    `<?xml version="1.0"?><ErrorResponse xmlns="${XMLNS}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escapeXml(error.queryCode)}</Code><Message>${escapeXml(error.message)}</Message><Detail/></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  send(res, error.status, xml, requestId);
}

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml), 'x-amzn-requestid': requestId });
  res.end(xml);
}

function setPath(tree: Record<string, unknown>, path: string[], value: string): void {
  let node = tree;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** Turns the dotted tree into the JSON protocol's shapes. */
function shape(tree: Record<string, unknown>): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(tree)) {
    if (LISTS[key]) out[LISTS[key]!] = indexed(value).map((item) => item as string);
    else if (MAPS[key]) {
      const { member, key: keyName, value: valueName } = MAPS[key]!;
      const map: Record<string, unknown> = {};
      for (const entry of indexed(value) as Record<string, unknown>[]) {
        const entryValue = entry[valueName];
        map[String(entry[keyName])] = typeof entryValue === 'object' && entryValue !== null ? shape(entryValue as Record<string, unknown>) : entryValue;
      }
      out[member] = map;
    } else if (ENTRIES.has(key)) out.Entries = indexed(value).map((entry) => shape(entry as Record<string, unknown>));
    else out[key] = value;
  }
  return out;
}

/** Members `1`, `2`, ... of a flattened list, in order. */
function indexed(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([index]) => /^\d+$/.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, item]) => item);
}

function element(name: string, value: unknown, listElements: Record<string, string>): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const itemName = listElements[name] ?? name;
    return value.map((item) => element(itemName, item, listElements)).join('');
  }
  if (typeof value === 'object') {
    const map = MAP_ELEMENTS[name];
    if (map) {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `<${map.entry}><${map.key}>${escapeXml(key)}</${map.key}>${element(map.value, item, listElements)}</${map.entry}>`)
        .join('');
    }
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => element(key, item, listElements))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** XML text; carriage returns as references, or XML parsers would turn CRLF into LF and break the body's MD5. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' })[c]!);
}
