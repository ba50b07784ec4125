// User text (titles, names, locations, descriptions) cleaned before it reaches any line-based
// format: an iCalendar content line, a MIME header, a text body. Nothing that a line-based
// reader could take for a line break, and no other control character, gets through, so no
// input can end a line early or start a property or header of its own.

// C0 controls, DEL and C1 controls (U+0085 NEL among them), but not TAB or LF, which each
// function below handles itself. RFC 5545 section 3.1 (CONTROL), RFC 5322 section 2.2.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// CRLF, CR, and the Unicode line and paragraph separators some readers break lines on.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029]/g;

/** One line: every line break and tab becomes a space, controls go, runs of spaces shrink to one. */
export function singleLineText(value: string | null | undefined): string {
  return (value ?? '')
    .replace(LINE_BREAKS, '\n')
    .replace(/[\n\t]/g, ' ')
    .replace(CONTROLS, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Several lines: line breaks become LF, tabs a space, controls go; trailing blanks are trimmed. */
export function multiLineText(value: string | null | undefined): string {
  return (value ?? '')
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(/[ ]+\n/g, '\n')
    .trim();
}

/** `value` cut to at most `max` characters (code points, never half a surrogate pair), with an ellipsis. */
export function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
