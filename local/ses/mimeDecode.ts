// Decoding of MIME content for display: Content-Transfer-Encoding (base64, quoted-printable;
// RFC 2045 section 6), charsets through TextDecoder, encoded words in headers (RFC 2047),
// and header parameters with quoting and RFC 2231 continuations (`filename*0*=`).

/** The bytes a part carries once its transfer encoding is undone. */
export function decodeTransfer(body: Buffer, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

export function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i += 1) {
    const c = unfolded.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(c & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** Text in a charset; unknown charsets fall back to UTF-8 (then Latin-1 where UTF-8 is not valid). */
export function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(label === 'us-ascii' || label === 'ascii' ? 'utf-8' : label, { fatal: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return bytes.toString('latin1');
    }
  }
}

/** RFC 2047 encoded words (`=?UTF-8?Q?Invite_=C3=A9?=`) decoded; whitespace between adjacent words dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return decodeCharset(bytes, charset);
    });
}

export type HeaderValue = { value: string; params: Record<string, string> };

/** `text/plain; charset="utf-8"; name*=UTF-8''%E2%82%AC.txt` -> value and decoded parameters (names lower case). */
export function parseHeaderValue(header: string): HeaderValue {
  const parts = splitParams(header);
  const value = (parts.shift() ?? '').trim();
  const params: Record<string, string> = {};
  const continued: Record<string, { index: number; text: string; encoded: boolean }[]> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let text = part.slice(eq + 1).trim();
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1).replace(/\\(.)/g, '$1');
    const continuation = /^(.+?)\*(\d+)(\*?)$/.exec(name);
    if (continuation) {
      (continued[continuation[1]!] ??= []).push({ index: Number(continuation[2]), text, encoded: continuation[3] === '*' });
    } else if (name.endsWith('*')) {
      params[name.slice(0, -1)] = decode2231(text, true);
    } else {
      params[name] = decodeWords(text);
    }
  }
  for (const [name, pieces] of Object.entries(continued)) {
    pieces.sort((a, b) => a.index - b.index);
    const charsetPiece = pieces[0]?.encoded ? pieces[0].text : undefined;
    let charset = 'utf-8';
    let joined = '';
    pieces.forEach((piece, i) => {
      let text = piece.text;
      if (i === 0 && charsetPiece !== undefined) {
        const match = /^([^']*)'[^']*'(.*)$/.exec(text);
        if (match) {
          charset = match[1] || 'utf-8';
          text = match[2]!;
        }
      }
      joined += piece.encoded ? text : encodeURIComponent(text);
    });
    params[name] = decodeCharset(percentBytes(joined), charset);
  }
  return { value, params };
}

function decode2231(text: string, withCharset: boolean): string {
  const match = withCharset ? /^([^']*)'[^']*'(.*)$/.exec(text) : null;
  return match ? decodeCharset(percentBytes(match[2]!), match[1] || 'utf-8') : decodeCharset(percentBytes(text), 'utf-8');
}

function percentBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Splits on `;` outside double quotes. */
function splitParams(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i += 1) {
    const c = header[i]!;
    if (c === '\\' && quoted) {
      current += c + (header[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}
