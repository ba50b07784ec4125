// The header row: which column holds the address and which the name. Names are matched
// trimmed, case-insensitively and without byte order marks (a BOM left in the first name is
// the usual reason a correct-looking header "has no email column"). Other columns are
// ignored and reported, so the organizer sees what was not read.
import { ImportFileError } from './errors';
import { clip } from './clip';

/** Unknown column names kept for the summary; the count is kept whole. */
export const UNKNOWN_COLUMNS_KEPT = 20;
/** Header names quoted in an error message. */
const NAMES_QUOTED = 10;

export type CsvColumns = {
  /** Zero-based index of the `email` column. */
  email: number;
  /** Zero-based index of the `name` column; null when there is none. */
  name: number | null;
  /** The first UNKNOWN_COLUMNS_KEPT other names, as written (trimmed); blank names are left out. */
  unknownColumns: string[];
  unknownColumnCount: number;
};

const KNOWN = ['email', 'name'] as const;

/** The columns named by the header row `fields` (spreadsheet row `row`). */
export function readHeader(fields: readonly string[], row: number): CsvColumns {
  const names = fields.map((field) => field.replace(/\uFEFF/g, '').trim());
  const found: Record<(typeof KNOWN)[number], number[]> = { email: [], name: [] };
  const unknown: string[] = [];
  names.forEach((name, i) => {
    const known = KNOWN.find((k) => k === name.toLowerCase());
    if (known) found[known].push(i);
    else if (name !== '') unknown.push(name);
  });
  for (const known of KNOWN) {
    if (found[known].length > 1) {
      const at = found[known].map((i) => i + 1).join(' and ');
      throw new ImportFileError(`Row ${row} names the ${known} column more than once (columns ${at}): keep one.`, row);
    }
  }
  if (found.email.length === 0) {
    const quoted = names.slice(0, NAMES_QUOTED).map((name) => `"${clip(name, 60)}"`).join(', ');
    const more = names.length > NAMES_QUOTED ? ', ...' : '';
    throw new ImportFileError(
      `No email column: the first row must name the columns (email, required; name, optional), and row ${row} reads ${quoted}${more}.`,
      row,
    );
  }
  return {
    email: found.email[0],
    name: found.name.length > 0 ? found.name[0] : null,
    unknownColumns: unknown.slice(0, UNKNOWN_COLUMNS_KEPT).map((name) => clip(name, 100)),
    unknownColumnCount: unknown.length,
  };
}
