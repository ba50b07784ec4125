// What a message to the requests address asks for, from its parsed MIME. Only CSV imports
// are handled now: the CSVs attached, for the event the subject or text names. Emailed
// event requests (a calendar REQUEST, ARCHITECTURE.md flow 9) will be another kind here.
import type { Email } from 'postal-mime';
import { csvAttachments, type CsvAttachment } from './csvAttachments';
import { findEventId } from './findEventId';
import { messageText } from './messageText';

/**
 * CSV attachments a message may carry: more are not imported (each import is a job, an
 * upload and a summary mail to the organizer; a guest list fits in one file).
 */
export const MAX_CSV_ATTACHMENTS = 10;

export type CsvImportRequest = {
  kind: 'csvImport';
  eventId: string;
  attachments: CsvAttachment[];
  /** Attachments past MAX_CSV_ATTACHMENTS: named in the log, not imported. */
  ignoredAttachments: number;
};

export type MailRequest = CsvImportRequest | { kind: 'none'; reason: string };

export function classifyRequest(email: Pick<Email, 'subject' | 'text' | 'html' | 'attachments'>): MailRequest {
  const csvs = csvAttachments(email.attachments);
  if (csvs.length === 0) {
    return { kind: 'none', reason: 'no CSV attachment (text/csv, application/csv or a file named *.csv); emailed event requests are not handled yet' };
  }
  const eventId = findEventId(email.subject, messageText(email));
  if (!eventId) return { kind: 'none', reason: 'no event id (a UUID) in the subject or the text of the message' };
  return { kind: 'csvImport', eventId, attachments: csvs.slice(0, MAX_CSV_ATTACHMENTS), ignoredAttachments: Math.max(0, csvs.length - MAX_CSV_ATTACHMENTS) };
}
