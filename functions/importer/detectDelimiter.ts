// Spreadsheets save "CSV" with a comma, or with a semicolon where the comma is the decimal
// separator (most of continental Europe). The header line says which: it names the columns,
// so whichever of the two separates more of them outside quotes is the delimiter.

export type Delimiter = ',' | ';';

/**
 * The delimiter of the first line of `head` that has any content (leading blank lines are
 * passed over); a comma when the line has neither (a single column) or as many of each.
 * Quotes toggle on every `"`, which also reads RFC 4180's doubled `""` right.
 */
export function detectDelimiter(head: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let content = false;
  let quoted = false;
  for (const c of head) {
    if (c === '"') {
      quoted = !quoted;
      content = true;
    } else if (quoted) {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (content) break;
    } else if (c === ',') {
      commas += 1;
      content = true;
    } else if (c === ';') {
      semicolons += 1;
      content = true;
    } else if (c.trim() !== '') {
      content = true;
    }
  }
  return semicolons > commas ? ';' : ',';
}
