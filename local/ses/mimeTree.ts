// A MIME message as a tree of parts, with the bytes of each part kept exactly as sent, so the
// mail viewer can show and hand out every part and SES events can quote the headers.
// RFC 5322 (header fields, folding: section 2.2.3), RFC 2045/2046 (Content-Type, multipart
// boundaries: a delimiter is CRLF "--" boundary at the start of a line; the CRLF before it
// belongs to the delimiter; the closing one ends in "--").
// Parts are numbered as IMAP numbers them (RFC 3501 section 6.4.5): the children of a
// multipart are 1, 2, ...; their children 1.1, 1.2, ...; a message that is not multipart has
// one part, 1. A message/rfc822 part is kept whole (not opened).
import { decodeCharset, decodeTransfer, decodeWords, parseHeaderValue } from './mimeDecode';

export type MimeHeader = { name: string; value: string };

export type MimePart = {
  /** IMAP part number ('1', '1.2'); '' for the root of a multipart message. */
  path: string;
  headers: MimeHeader[];
  /** Lower-case `type/subtype`; text/plain when absent (RFC 2045 section 5.2). */
  contentType: string;
  params: Record<string, string>;
  transferEncoding: string;
  disposition?: string;
  filename?: string;
  children: MimePart[];
  /** The part's body as sent (still transfer-encoded); empty for multiparts. */
  body: Buffer;
};

/** Header fields of a header block, unfolded, values as sent (encoded words kept). */
export function parseHeaderBlock(block: string): MimeHeader[] {
  const headers: MimeHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last.value = last.value ? `${last.value} ${line.trim()}` : line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

export function headerOf(headers: MimeHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** The header block and body of an entity (message or part), split at the first empty line. */
export function splitEntity(text: string): { headerBlock: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { headerBlock: text, body: '' };
  return { headerBlock: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

/** Parses a raw message (bytes kept: the text is handled as Latin-1, one character per byte). */
export function parseMessage(raw: Buffer): MimePart {
  return parseEntity(raw.toString('latin1'), '', true);
}

function parseEntity(text: string, path: string, root: boolean): MimePart {
  const { headerBlock, body } = splitEntity(text);
  const headers = parseHeaderBlock(headerBlock);
  const type = parseHeaderValue(headerOf(headers, 'content-type') ?? 'text/plain');
  const disposition = headerOf(headers, 'content-disposition');
  const parsedDisposition = disposition ? parseHeaderValue(disposition) : undefined;
  const contentType = type.value.toLowerCase() || 'text/plain';
  const filename = parsedDisposition?.params.filename ?? type.params.name;
  const part: MimePart = {
    path: root && !contentType.startsWith('multipart/') ? '1' : path,
    headers,
    contentType,
    params: type.params,
    transferEncoding: (headerOf(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
    disposition: parsedDisposition?.value.toLowerCase(),
    filename: filename ? decodeWords(filename) : undefined,
    children: [],
    body: Buffer.alloc(0),
  };
  const boundary = type.params.boundary;
  if (contentType.startsWith('multipart/') && boundary) {
    splitMultipart(body, boundary).forEach((child, i) => {
      part.children.push(parseEntity(child, path ? `${path}.${i + 1}` : String(i + 1), false));
    });
  } else {
    part.body = Buffer.from(body, 'latin1');
  }
  return part;
}

/** The bodies between the boundary delimiters (preamble and epilogue dropped). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines: { start: number; end: number; next: number }[] = [];
  const lineEnd = /\r?\n/g;
  let start = 0;
  for (;;) {
    lineEnd.lastIndex = start;
    const match = lineEnd.exec(body);
    const end = match ? match.index : body.length;
    lines.push({ start, end, next: match ? match.index + match[0].length : body.length });
    if (!match) break;
    start = match.index + match[0].length;
  }
  const parts: string[] = [];
  let openedAt: number | undefined;
  let previousLineEnd = 0;
  for (const line of lines) {
    const content = body.slice(line.start, line.end).trimEnd();
    const isClose = content === `${delimiter}--`;
    if (content === delimiter || isClose) {
      // The line break before the delimiter belongs to the delimiter.
      if (openedAt !== undefined) parts.push(body.slice(openedAt, Math.max(openedAt, previousLineEnd)));
      if (isClose) return parts;
      openedAt = line.next;
    }
    previousLineEnd = line.end;
  }
  if (openedAt !== undefined && openedAt < body.length) parts.push(body.slice(openedAt));
  return parts;
}

/** Every part that is not a multipart, in order. */
export function leafParts(root: MimePart): MimePart[] {
  if (root.children.length === 0) return root.contentType.startsWith('multipart/') ? [] : [root];
  return root.children.flatMap(leafParts);
}

export function findPart(root: MimePart, path: string): MimePart | undefined {
  if (root.path === path) return root;
  for (const child of root.children) {
    const found = findPart(child, path);
    if (found) return found;
  }
  return undefined;
}

/** A part's content bytes (transfer encoding undone). */
export function partBytes(part: MimePart): Buffer {
  return decodeTransfer(part.body, part.transferEncoding);
}

/** A text part's content as a string, in its charset. */
export function partText(part: MimePart): string {
  return decodeCharset(partBytes(part), part.params.charset);
}
