// util.xml: an XML document as a map (toMap) or JSON text (toJsonString). The page's examples
// fix the rules that matter: the root element is a key, a repeated element becomes a list,
// and text that reads as a number becomes a number ("id": 1). Attributes become keys next to
// the children and text beside them is kept under "content"; true/false become booleans.
// https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html
type Node = Record<string, unknown>;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** Text that looks like a JSON number, boolean or null becomes one; anything else stays text. */
function scalar(text: string): unknown {
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (lower === 'null') return null;
  return text;
}

function add(node: Node, key: string, value: unknown): void {
  if (!Object.hasOwn(node, key)) node[key] = value;
  else if (Array.isArray(node[key])) (node[key] as unknown[]).push(value);
  else node[key] = [node[key], value];
}

class XmlReader {
  private i = 0;
  constructor(private readonly text: string) {}

  private fail(what: string): never {
    throw new Error(`util.xml: ${what} at offset ${this.i}`);
  }

  private skipMisc(): void {
    for (;;) {
      const rest = this.text.slice(this.i);
      const ws = /^\s+/.exec(rest);
      if (ws) this.i += ws[0].length;
      else if (rest.startsWith('<?')) this.i = this.after('?>');
      else if (rest.startsWith('<!--')) this.i = this.after('-->');
      else if (rest.startsWith('<!DOCTYPE')) this.i = this.after('>');
      else return;
    }
  }

  private after(token: string): number {
    const end = this.text.indexOf(token, this.i);
    if (end < 0) this.fail(`missing ${token}`);
    return end + token.length;
  }

  document(): Node {
    const root: Node = {};
    this.skipMisc();
    if (this.text[this.i] !== '<') this.fail('expected an element');
    const [name, value] = this.element();
    add(root, name, value);
    this.skipMisc();
    if (this.i < this.text.length) this.fail('content after the root element');
    return root;
  }

  /** Reads `<name ...>...</name>` at the cursor. */
  private element(): [string, unknown] {
    const open = /^<([A-Za-z_][\w.:-]*)/.exec(this.text.slice(this.i));
    if (!open) this.fail('expected a tag name');
    const name = open[1];
    this.i += open[0].length;
    const node: Node = {};
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(this.text.slice(this.i));
      if (!attr) break;
      add(node, attr[1], scalar(decode(attr[3] ?? attr[4])));
      this.i += attr[0].length;
    }
    const end = /^\s*(\/?)>/.exec(this.text.slice(this.i));
    if (!end) this.fail(`malformed tag <${name}>`);
    this.i += end[0].length;
    if (end[1] === '/') return [name, Object.keys(node).length > 0 ? node : ''];
    const texts: string[] = [];
    for (;;) {
      if (this.i >= this.text.length) this.fail(`unclosed <${name}>`);
      const rest = this.text.slice(this.i);
      if (rest.startsWith(`</`)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(rest);
        if (!close || close[1] !== name) this.fail(`expected </${name}>`);
        this.i += close[0].length;
        break;
      }
      if (rest.startsWith('<!--')) this.i = this.after('-->');
      else if (rest.startsWith('<![CDATA[')) {
        const end2 = this.after(']]>');
        texts.push(this.text.slice(this.i + 9, end2 - 3));
        this.i = end2;
      } else if (rest.startsWith('<?')) this.i = this.after('?>');
      else if (rest.startsWith('<')) {
        const [child, value] = this.element();
        add(node, child, value);
      } else {
        const next = this.text.indexOf('<', this.i);
        const raw = this.text.slice(this.i, next < 0 ? this.text.length : next);
        const trimmed = decode(raw).trim();
        if (trimmed.length > 0) texts.push(trimmed);
        this.i += raw.length;
      }
    }
    for (const text of texts) add(node, 'content', scalar(text));
    const keys = Object.keys(node);
    if (keys.length === 0) return [name, ''];
    if (keys.length === 1 && keys[0] === 'content' && !Array.isArray(node.content)) return [name, node.content];
    return [name, node];
  }
}

/** util.xml.toMap */
export function xmlToMap(xml: string | null | undefined): Record<string, unknown> | null {
  if (xml === null || xml === undefined) return null;
  return new XmlReader(String(xml)).document();
}

/** util.xml.toJsonString(xml, stringEncode?): with stringEncode, the JSON text is itself JSON-encoded. */
export function xmlToJsonString(xml: string, stringEncode = false): string {
  const json = JSON.stringify(xmlToMap(xml));
  return stringEncode ? JSON.stringify(json) : json;
}
