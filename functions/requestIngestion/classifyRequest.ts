// What a message to the requests address asks for, from its parsed MIME:
// - CSVs attached: an import of each, for the event the subject or text names;
// - else a calendar (a text/calendar part or an .ics attachment): an event request
//   (ARCHITECTURE.md flow 9), to create that event and invite its attendees; a calendar
//   that is no valid REQUEST is a bad event request, whose reason the organizer is told;
// - else nothing.
import type { Email } from 'postal-mime';
import { csvAttachments, type CsvAttachment } from './csvAttachments';
import { findEventId } from './findEventId';
import { findEventRequest } from './findEventRequest';
import { messageText } from './messageText';
import type { ItipRequest } from './parseEventRequest';

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

export type EventRequest = { kind: 'eventRequest'; request: ItipRequest };

/** A calendar that is no valid REQUEST: the organizer is told the reason. */
export type BadEventRequest = { kind: 'badEventRequest'; reason: string };

export type MailRequest = CsvImportRequest | EventRequest | BadEventRequest | { kind: 'none'; reason: string };

/** `skip`: addresses an event request never invites (the organizer, our own addresses). */
export function classifyRequest(email: Pick<Email, 'subject' | 'text' | 'html' | 'attachments'>, skip: (email: string) => boolean = () => false): MailRequest {
  const csvs = csvAttachments(email.attachments);
  if (csvs.length === 0) {
    const found = findEventRequest(email, skip);
    if (found === null) return { kind: 'none', reason: 'no CSV attachment (text/csv, application/csv or a file named *.csv) and no calendar (text/calendar or *.ics)' };
    return 'problem' in found ? { kind: 'badEventRequest', reason: found.problem } : { kind: 'eventRequest', request: found.request };
  }
  const eventId = findEventId(email.subject, messageText(email));
  if (!eventId) return { kind: 'none', reason: 'no event id (a UUID) in the subject or the text of the message' };
  return { kind: 'csvImport', eventId, attachments: csvs.slice(0, MAX_CSV_ATTACHMENTS), ignoredAttachments: Math.max(0, csvs.length - MAX_CSV_ATTACHMENTS) };
}
