// One data row against inviteAttendees' own rules (resolvers/lib/invites.ts): the same
// trimming, patterns, name cleaning and reasons, so a row the importer takes is one the API
// takes too. Repeats are not decided here: they need the whole file (firstRows.ts).
import { parseInvitees } from '../../resolvers/lib/invites';
import { addressChecks } from './addressChecks';
import type { CsvColumns } from './readHeader';

/** TextDecoder's stand-in for bytes that are not UTF-8. */
const REPLACEMENT_CHARACTER = '\uFFFD';
export const NOT_UTF8_REASON = 'not UTF-8 text: save the file as "CSV UTF-8"';

export type RowCheck =
  /** Every field blank: an empty line, or only delimiters. Skipped, not counted. */
  | { kind: 'blank' }
  | { kind: 'invalid'; email: string; reason: string }
  /** `key` is the attendee key's address (`normalizeEmail`): equal keys are the same attendee. */
  | { kind: 'valid'; email: string; name: string | null; key: string };

export function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * The row's fields read through `columns`. A row with more or fewer fields than the header
 * still gives its email (and name) when it reaches that column.
 */
export function checkRow(fields: readonly string[], columns: CsvColumns): RowCheck {
  if (isBlank(fields)) return { kind: 'blank' };
  const email = fields[columns.email];
  if (email === undefined) {
    const count = `${fields.length} field${fields.length === 1 ? '' : 's'}`;
    return { kind: 'invalid', email: '', reason: `no email address: the row has ${count} and email is column ${columns.email + 1}` };
  }
  if (email.trim() === '') return { kind: 'invalid', email: '', reason: 'no email address' };
  const name = columns.name === null ? null : (fields[columns.name] ?? null);
  if (email.includes(REPLACEMENT_CHARACTER) || (name ?? '').includes(REPLACEMENT_CHARACTER)) {
    return { kind: 'invalid', email, reason: NOT_UTF8_REASON };
  }
  const parsed = parseInvitees([{ email, name }], [addressChecks(email)]);
  const invitee = parsed.valid[0];
  if (invitee) return { kind: 'valid', email: invitee.email, name: invitee.name, key: invitee.key };
  const issue = parsed.invalid[0];
  return { kind: 'invalid', email: issue.email, reason: issue.reason };
}
