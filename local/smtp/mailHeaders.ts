// Header work on a raw message, done on its bytes so the rest stays byte for byte as sent:
// reading the header section (names and unfolded values, as SES lists them in `mail.headers`),
// taking a header out, putting headers in front, and the `commonHeaders` SES extracts.
// https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html#receiving-email-notifications-contents-mail-object
import { simpleParser, type AddressObject } from 'mailparser';

export type MailHeader = { name: string; value: string };

/** Where the header section ends: the offset of the blank line's first byte, or the length. */
function headerEnd(raw: Buffer): { end: number; separator: number } {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf + 2, separator: 2 };
  if (lf >= 0) return { end: lf + 1, separator: 1 };
  return { end: raw.length, separator: 0 };
}

/** The header lines with their exact bytes (line ending included), continuation lines joined to their field. */
function headerFields(raw: Buffer): { name: string; bytes: Buffer }[] {
  const { end } = headerEnd(raw);
  const fields: { name: string; bytes: Buffer }[] = [];
  let offset = 0;
  while (offset < end) {
    let lineEnd = raw.indexOf('\n', offset);
    lineEnd = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    const line = raw.subarray(offset, lineEnd);
    const first = line[0];
    if ((first === 0x20 || first === 0x09) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last.bytes = Buffer.concat([last.bytes, line]);
    } else {
      const text = line.toString('latin1');
      const colon = text.indexOf(':');
      fields.push({ name: colon > 0 ? text.slice(0, colon).trim() : '', bytes: line });
    }
    offset = lineEnd;
  }
  return fields;
}

/** Header names and unfolded values in order (values decoded as UTF-8, encoded words left as sent). */
export function readHeaders(raw: Buffer): MailHeader[] {
  return headerFields(raw)
    .filter((f) => f.name)
    .map((f) => {
      const text = f.bytes.toString('utf8');
      const value = text.slice(text.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '').replace(/\r?\n$/, '');
      return { name: f.name, value: value.trim() };
    });
}

/** The message without every occurrence of a header (matched case-insensitively); other bytes untouched. */
export function removeHeader(raw: Buffer, name: string): Buffer {
  const fields = headerFields(raw);
  if (!fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) return raw;
  const { end } = headerEnd(raw);
  const kept = fields.filter((f) => f.name.toLowerCase() !== name.toLowerCase()).map((f) => f.bytes);
  return Buffer.concat([...kept, raw.subarray(end)]);
}

/** The message with header lines put in front of its own (as SES adds trace headers). */
export function prependHeaders(raw: Buffer, headers: readonly MailHeader[]): Buffer {
  if (headers.length === 0) return raw;
  return Buffer.concat([Buffer.from(headers.map((h) => `${h.name}: ${h.value}\r\n`).join(''), 'utf8'), raw]);
}

export type CommonHeaders = {
  returnPath?: string;
  from?: string[];
  sender?: string[];
  replyTo?: string[];
  to?: string[];
  cc?: string[];
  bcc?: string[];
  date?: string;
  messageId?: string;
  subject?: string;
};

/**
 * The `commonHeaders` object: only the headers present; addresses one string each
 * (`"Doe, John" <sender@example.com>`), Return-Path without its angle brackets, Date and
 * Message-ID as written (SES's Lambda event example).
 */
export async function commonHeaders(raw: Buffer): Promise<CommonHeaders> {
  const headers = readHeaders(raw);
  const value = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const { end } = headerEnd(raw);
  const parsed = await simpleParser(Buffer.concat([raw.subarray(0, end), Buffer.from('\r\n')]), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  // Each address as written (mailparser and addressparser drop a display name equal to its
  // address, SES keeps it), encoded words in display names decoded by mailparser.
  const addresses = (headerName: string, decoded: AddressObject | AddressObject[] | undefined) => {
    const raw = value(headerName);
    if (raw === undefined) return undefined;
    const decodedNames = new Map<string, string>();
    for (const group of decoded === undefined ? [] : Array.isArray(decoded) ? decoded : [decoded]) {
      for (const a of group.value) if (a.address) decodedNames.set(a.address.toLowerCase(), a.name);
    }
    return splitAddressList(raw).map((entry) => {
      if (!entry.includes('=?')) return entry;
      const address = /<([^>]*)>\s*$/.exec(entry)?.[1];
      return address ? formatAddress(decodedNames.get(address.toLowerCase()), address) : entry;
    });
  };
  const sender = parsed.headers.get('sender') as AddressObject | undefined;
  const out: CommonHeaders = {};
  const returnPath = value('return-path');
  if (returnPath !== undefined) out.returnPath = returnPath.replace(/^<|>$/g, '');
  const fields = { from: ['from', parsed.from], sender: ['sender', sender], replyTo: ['reply-to', parsed.replyTo], to: ['to', parsed.to], cc: ['cc', parsed.cc], bcc: ['bcc', parsed.bcc] } as const;
  for (const [field, [headerName, decoded]] of Object.entries(fields)) {
    const list = addresses(headerName, decoded);
    if (list !== undefined) out[field as keyof typeof fields] = list;
  }
  if (value('date') !== undefined) out.date = value('date')!;
  if (value('message-id') !== undefined) out.messageId = value('message-id')!;
  if (parsed.subject !== undefined) out.subject = parsed.subject;
  return out;
}

/** To and Cc addresses of the headers (the `destination` field). */
export function headerRecipients(common: CommonHeaders): string[] {
  return [...(common.to ?? []), ...(common.cc ?? [])].map((entry) => /<([^>]*)>\s*$/.exec(entry)?.[1] ?? entry);
}

export function formatAddress(name: string | undefined, address: string): string {
  if (!name) return address;
  const quoted = /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${quoted} <${address}>`;
}

/** An address list split at the commas outside quotes, angle brackets and comments, entries trimmed. */
export function splitAddressList(value: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i]!;
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && c === '<') angle += 1;
    else if (!quoted && c === '>') angle = Math.max(0, angle - 1);
    else if (!quoted && c === '(') comment += 1;
    else if (!quoted && c === ')') comment = Math.max(0, comment - 1);
    if (c === ',' && !quoted && angle === 0 && comment === 0) {
      if (current.trim()) entries.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) entries.push(current.trim());
  return entries;
}
