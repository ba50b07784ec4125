// util.urlEncode / urlDecode (application/x-www-form-urlencoded, as Java's URLEncoder and
// URLDecoder with UTF-8), util.base64Encode / base64Decode (UTF-8 text), and
// util.escapeJavaScript (Apache Commons Lang's escapeJavaScript, which Velocity-era AppSync
// utilities are built on: an assumption, the page only says "a JavaScript escaped string").
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
// https://docs.oracle.com/javase/8/docs/api/java/net/URLEncoder.html

/** URLEncoder.encode(s, "UTF-8"): keeps a-z A-Z 0-9 . - * _, space becomes +, the rest %XX. */
export function urlEncode(value: string): string {
  // Java writes an unpaired surrogate as '?' when it encodes to UTF-8.
  const bytes = Buffer.from(String(value).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'), 'utf8');
  let out = '';
  for (const byte of bytes) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** URLDecoder.decode(s, "UTF-8"): + is a space, %XX a byte; a malformed escape is an error. */
export function urlDecode(value: string): string {
  const text = String(value);
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`URLDecoder: Illegal hex characters in escape (%) pattern - ${hex}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      flush();
      out += c === '+' ? ' ' : c;
    }
  }
  flush();
  return out;
}

export function base64Encode(value: string): string {
  return Buffer.from(String(value), 'utf8').toString('base64');
}

/** Strict like java.util.Base64's decoder: characters outside the alphabet are an error. */
export function base64Decode(value: string): string {
  const text = String(value);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    throw new Error('Illegal base64 character or length');
  }
  return Buffer.from(text, 'base64').toString('utf8');
}

const JS_ESCAPES: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r', "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/' };

/** Quotes, backslash and slash escaped; controls and non-ASCII as \uXXXX (upper-case hex). */
export function escapeJavaScript(value: string): string {
  const text = String(value);
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text[i];
    const code = text.charCodeAt(i);
    if (Object.hasOwn(JS_ESCAPES, unit)) out += JS_ESCAPES[unit];
    else if (code < 0x20 || code > 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += unit;
  }
  return out;
}
