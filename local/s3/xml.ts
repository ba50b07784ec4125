// The little XML S3's REST API needs: writing answers, and reading the few request bodies
// S3 takes (Delete, CompleteMultipartUpload, CreateBucketConfiguration,
// NotificationConfiguration). Elements, text and attributes only: no DTDs, no namespaces
// beyond ignoring prefixes, which is all these bodies use.

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A child value: text, nested children, a list of repeated elements, or nothing (left out). */
export type XmlValue = string | number | boolean | XmlChildren | XmlChildren[] | string[] | undefined;
export type XmlChildren = { [name: string]: XmlValue };

/** `<Name>…</Name>` for each entry; arrays repeat the element, undefined leaves it out. */
export function xmlElements(children: XmlChildren): string {
  let out = '';
  for (const [name, value] of Object.entries(children)) {
    if (value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      out += typeof item === 'object' ? `<${name}>${xmlElements(item)}</${name}>` : `<${name}>${escapeXml(String(item))}</${name}>`;
    }
  }
  return out;
}

/** A whole document with S3's namespace on the root element. */
export function xmlDocument(root: string, children: XmlChildren, withNamespace = true): string {
  const open = withNamespace ? `<${root} xmlns="${S3_XMLNS}">` : `<${root}>`;
  return `${XML_DECLARATION}${open}${xmlElements(children)}</${root}>`;
}

export type XmlNode = { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string };

export class XmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlParseError';
  }
}

/** Parses a document into its root element (local names, prefixes dropped). */
export function parseXml(source: string): XmlNode {
  let i = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  const fail = (why: string): never => {
    throw new XmlParseError(`${why} at offset ${i}`);
  };
  while (i < source.length) {
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) fail('unterminated declaration');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      const top = stack[stack.length - 1];
      if (top) top.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      fail('DTDs are not accepted');
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = localName(source.slice(i + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`end tag </${name}> does not match`);
      i = end + 1;
    } else if (source[i] === '<') {
      const end = source.indexOf('>', i);
      if (end < 0) fail('unterminated start tag');
      let inner = source.slice(i + 1, end);
      const selfClosing = inner.endsWith('/');
      if (selfClosing) inner = inner.slice(0, -1);
      const nameMatch = /^\s*([^\s/>]+)/.exec(inner);
      if (!nameMatch) fail('element without a name');
      const node: XmlNode = { name: localName(nameMatch![1]!), attributes: {}, children: [], text: '' };
      for (const attr of inner.slice(nameMatch![0].length).matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        node.attributes[localName(attr[1]!)] = decodeEntities(attr[3] ?? attr[4] ?? '');
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) fail('more than one root element');
      else root = node;
      if (!selfClosing) stack.push(node);
      i = end + 1;
    } else {
      const next = source.indexOf('<', i);
      const text = source.slice(i, next < 0 ? source.length : next);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(text);
      else if (text.trim()) fail('text outside the root element');
      i = next < 0 ? source.length : next;
    }
  }
  if (stack.length > 0) fail(`element <${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function childText(node: XmlNode, name: string): string | undefined {
  return child(node, name)?.text;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}
