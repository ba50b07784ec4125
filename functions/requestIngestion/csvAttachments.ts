// The CSV guest lists attached to a message, in the order they appear: parts declared
// `text/csv` or `application/csv`, `application/vnd.ms-excel` named *.csv (what Windows
// mailers label a CSV with when Excel is installed), and any part named *.csv whatever its
// type (`application/octet-stream`, `text/plain`). Each keeps its position among the
// message's attachments: with SES's message id it names the import's idempotency claim.
import type { Attachment } from 'postal-mime';
import { FILE_NAME_MAX_LENGTH } from '../../resolvers/lib/imports';

const CSV_TYPES: readonly string[] = ['text/csv', 'application/csv'];
const CSV_NAME = /\.csv$/i;
/** The job's file name when the part names none (attachment positions count from 1 here). */
const UNNAMED = (position: number) => `attachment-${position}.csv`;

export type CsvAttachment = {
  /** Position among all the message's attachments (0-based): stable across redeliveries. */
  index: number;
  /** The import job's file name: the part's own, on one line and cut to the API's maximum. */
  fileName: string;
  content: Uint8Array;
};

export function isCsvAttachment(attachment: Pick<Attachment, 'mimeType' | 'filename'>): boolean {
  // A name ending in .csv covers application/vnd.ms-excel too (an .xls file is not read).
  const named = attachment.filename !== null && CSV_NAME.test(attachment.filename.trim());
  return CSV_TYPES.includes(attachment.mimeType.toLowerCase()) || named;
}

export function csvAttachments(attachments: readonly Attachment[]): CsvAttachment[] {
  const found: CsvAttachment[] = [];
  attachments.forEach((attachment, index) => {
    if (!isCsvAttachment(attachment)) return;
    found.push({ index, fileName: importFileName(attachment.filename, index + 1), content: bytesOf(attachment.content) });
  });
  return found;
}

/** One line, at most FILE_NAME_MAX_LENGTH characters (startImport refuses longer), the extension kept. */
export function importFileName(filename: string | null, position: number): string {
  const name = (filename ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!name) return UNNAMED(position);
  if (name.length <= FILE_NAME_MAX_LENGTH) return name;
  const extension = CSV_NAME.test(name) ? name.slice(-4) : '';
  return `${name.slice(0, FILE_NAME_MAX_LENGTH - extension.length - 1)}…${extension}`;
}

function bytesOf(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}
