// A small reader of the MIME tree (RFC 2045/2046) for the mail tests: each part's type,
// parameters, transfer encoding, disposition and decoded body, in document order with its depth.
export type Part = {
  depth: number;
  type: string;
  params: Record<string, string>;
  transferEncoding?: string;
  disposition?: string;
  /** Decoded when base64; as sent otherwise. */
  body: string;
  headers: [string, string][];
};

export function mimeParts(raw: string): Part[] {
  const parts: Part[] = [];
  walk(raw, 0, parts);
  return parts;
}

/** The top-level header fields, unfolded, names lower-cased, in order. */
export function topHeaders(raw: string): [string, string][] {
  return headerFields(raw.slice(0, raw.indexOf('\r\n\r\n')));
}

function walk(text: string, depth: number, out: Part[]): void {
  const split = text.indexOf('\r\n\r\n');
  const headers = headerFields(split < 0 ? text : text.slice(0, split));
  const body = split < 0 ? '' : text.slice(split + 4);
  const get = (name: string) => headers.find(([n]) => n === name)?.[1];
  const contentType = get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const match of contentType.matchAll(/;\s*([\w-]+)=("([^"]*)"|[^;\s]+)/g)) params[match[1]!.toLowerCase()] = match[3] ?? match[2]!;
  const transferEncoding = get('content-transfer-encoding')?.toLowerCase();
  const part: Part = { depth, type, params, transferEncoding, disposition: get('content-disposition'), body: transferEncoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body, headers };
  out.push(part);
  if (type.startsWith('multipart/')) {
    const pieces = body.split(`--${params.boundary}`);
    for (const piece of pieces.slice(1, -1)) walk(piece.replace(/^\r\n/, '').replace(/\r\n$/, ''), depth + 1, out);
  }
}

function headerFields(block: string): [string, string][] {
  return block
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .filter((line) => line.includes(':'))
    .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]);
}
