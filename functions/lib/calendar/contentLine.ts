// The lexical layer of iCalendar (RFC 5545 section 3.1): one content line is
// NAME *(";" PARAM "=" VALUE) ":" VALUE, ended by CRLF and folded to lines of at most 75
// octets. Every value that came from a user is cleaned here (plainText.ts), so no input can
// break a line or add a property or parameter.
import { multiLineText, singleLineText } from './plainText';

export const CRLF = '\r\n';
/** RFC 5545 section 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
export const FOLD_OCTETS = 75;

export type Params = Readonly<Record<string, string | undefined>>;

/** A property or parameter name (RFC 5545 section 3.1: iana-token or x-name). */
const NAME = /^[A-Za-z0-9-]+$/;

/**
 * One content line, unfolded: `value` must already be in its type's form (escapeText for
 * TEXT); parameter values are cleaned and quoted here. Parameters whose value is undefined are left out.
 */
export function contentLine(name: string, params: Params, value: string): string {
  let line = checkedName(name);
  for (const [param, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    line += `;${checkedName(param)}=${paramValue(raw)}`;
  }
  return `${line}:${value}`;
}

/**
 * A TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma escaped, a line
 * break written as `\n`; ':' and '"' stay as they are. Controls are removed first.
 */
export function escapeText(value: string | null | undefined): string {
  return multiLineText(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * A parameter value (RFC 5545 section 3.2): one line, no controls; quoted when it holds
 * ':', ';' or ','. A quoted-string cannot hold DQUOTE at all (and RFC 6868's ^' is not read
 * by every client), so a double quote becomes a single one.
 */
export function paramValue(value: string): string {
  const clean = singleLineText(value).replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * A content line folded at FOLD_OCTETS octets of UTF-8, CRLF and one space before each
 * continuation (the space counts in that line's octets). A fold never falls inside a
 * character's UTF-8 sequence (nor between the halves of a surrogate pair).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > FOLD_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Content lines (unfolded) as an iCalendar stream: each folded, each ended by CRLF. */
export function serialize(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`not an iCalendar name: ${JSON.stringify(name)}`);
  return name.toUpperCase();
}
