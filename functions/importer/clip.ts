// Text from the file kept in a summary or a message: one line, and short enough that the
// job record stays far below DynamoDB's 400 KB item limit
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html).

// C0, DEL, C1 and the line and paragraph separators: a kept value stays on one line.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line, cut to `max` characters (the last one an ellipsis when cut). */
export function clip(text: string, max: number): string {
  const line = text.replace(LINE_BREAKING, ' ');
  if (line.length <= max) return line;
  let cut = line.slice(0, max - 1);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
