// SQS over the AWS query protocol, for clients older than the JSON switch (JS v3 before
// 3.447.0, JS v2, older boto3): form-encoded `Action=...&Version=2012-11-05` (or the same in
// the query string), answered in XML. Requests decode to the JSON protocol's input shapes and
// answers encode from its output shapes, so the actions are written once.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html (flattened lists and maps)
import type { ServerResponse } from 'node:http';
import { sendQueryError } from '../shared/awsQuery/errors';
import { sendQueryResult, type QueryXmlStyle, type XmlNode, type XmlValue } from '../shared/awsQuery/xml';
import type { SqsError } from './errors';
import type { Input } from './operations/input';

/** SQS's XML: a declaration with no newline, carriage returns as `&#xD;`, `<Detail/>` in errors. */
const SQS_XML: QueryXmlStyle = {
  namespace: 'http://queue.amazonaws.com/doc/2012-11-05/',
  newlineAfterDeclaration: false,
  escapeCarriageReturns: true,
  errorDetail: true,
};

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
  sendQueryResult(res, SQS_XML, action, outputNode(output, { ...COMMON_LIST_ELEMENTS, ...OUTPUT_LIST_ELEMENTS[action] }), requestId);
}

export function writeQueryError(res: ServerResponse, requestId: string, error: SqsError): void {
  sendQueryError(res, SQS_XML, { type: error.fault, code: error.queryCode, status: error.status, message: error.message }, requestId);
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

/**
 * The JSON protocol's output as XML elements: list members under their element names (a list
 * is its members repeated, with no wrapper), map entries as `<Attribute><Name/><Value/></Attribute>`.
 */
function outputNode(output: Record<string, unknown>, listElements: Record<string, string>): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(output)) {
    const map = MAP_ELEMENTS[name];
    if (Array.isArray(value)) node[listElements[name] ?? name] = value.map((item) => outputValue(item, listElements));
    else if (map && typeof value === 'object' && value !== null) {
      node[map.entry] = Object.entries(value).map(([key, item]) => ({ [map.key]: key, [map.value]: outputValue(item, listElements) }));
    } else node[name] = outputValue(value, listElements);
  }
  return node;
}

function outputValue(value: unknown, listElements: Record<string, string>): XmlValue {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => outputValue(item, listElements));
  if (typeof value === 'object') return outputNode(value as Record<string, unknown>, listElements);
  return value as string | number | boolean;
}
