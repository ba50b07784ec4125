// Shapes of the items stored in the single table (ARCHITECTURE.md section 6). Types only.
import type { EventStatus, OrganizerStatus } from '../../generated/graphql';

export type OrganizerLimitsRecord = {
  maxActiveEvents: number;
  maxInvitationsPerEvent: number;
  maxInvitationsPerDay: number;
};

/** Counters kept with atomic ADDs; `rsvps` counts answers received, by answer. */
export type OrganizerStatsRecord = {
  eventsCreated: number;
  invitationsSent: number;
  rsvps?: { accepted?: number; declined?: number; tentative?: number };
};

/** How an organizer hears of attendees accepting (the GraphQL enum AcceptanceNotices). */
export type AcceptanceNoticesSetting = 'EACH_ANSWER' | 'DIGEST' | 'OFF';

export type OrganizerRecord = {
  pk: string;
  sk: string;
  id: string;
  email: string | null;
  status: OrganizerStatus;
  /** An administrator's reason, while SUSPENDED. */
  suspendedReason?: string | null;
  limits: OrganizerLimitsRecord;
  /** Kept top-level so that the createEvent transaction can compare it with limits. */
  activeEvents: number;
  stats: OrganizerStatsRecord;
  /**
   * Answers received, by answer: top-level counters (ADD creates them), so that organizers
   * registered before they existed need no migration. `stats.rsvps` is their older home.
   */
  rsvpsAccepted?: number;
  rsvpsDeclined?: number;
  rsvpsTentative?: number;
  /** How the organizer hears of acceptances; missing on organizers registered before it: EACH_ANSWER. */
  acceptanceNotices?: AcceptanceNoticesSetting;
  createdAt: string;
  updatedAt: string;
};

export type EventRecord = {
  pk: string;
  sk: string;
  id: string;
  organizerId: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: EventStatus;
  /** Organizer-only notes: attendees never see them, so changing them keeps the SEQUENCE. */
  notes?: string | null;
  /** iCalendar SEQUENCE: grows with every change attendees see (RFC 5546 section 2.1.4). */
  sequence: number;
  /** Grows with every change (optimistic concurrency: updateEvent's expectedVersion). */
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  /** Attendees by answer, kept with the attendee items in the same transactions. */
  counts: AttendeeCountsRecord;
};

export type AttendeeCountsRecord = {
  /** Attendees invited and not removed: the per-event invitation limit counts these. */
  invited: number;
  needsAction: number;
  accepted: number;
  declined: number;
  tentative: number;
};

/** An attendee's answer (iCalendar PARTSTAT, with `_` for the GraphQL enum). */
export type AttendeeStatus = 'NEEDS_ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';

/** Where an attendee's latest mail stands. */
export type DeliveryState = 'QUEUED' | 'SENT' | 'FAILED' | 'BOUNCED' | 'COMPLAINED' | 'SUPPRESSED';

export type DeliveryRecord = {
  state: DeliveryState;
  /** Send attempts so far, of every mail to this attendee. */
  attempts: number;
  /** The SEQUENCE of the latest mail sent (a redelivered message for it sends nothing). */
  sequence?: number | null;
  messageId?: string | null;
  sentAt?: string | null;
  lastError?: string | null;
};

export type AttendeeRecord = {
  pk: string;
  sk: string;
  eventId: string;
  /** The event's organizer (for the NEW_EVENT_INVITE envelope and per-organizer suppression). */
  organizerId: string;
  /** As given, trimmed, with the domain lower-cased. */
  email: string;
  name: string | null;
  status: AttendeeStatus;
  delivery: DeliveryRecord;
  /** How the attendee was invited. */
  source: 'API' | 'IMPORT' | 'EMAIL';
  /** Their latest answer, null until they answer. */
  answer?: AnswerRecord | null;
  invitedAt: string;
  updatedAt: string;
};

export type RsvpResponse = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
export type RsvpChannel = 'API' | 'LINK' | 'EMAIL' | 'ORGANIZER';

/** An answer as recorded on the attendee (and in its history entry). */
export type AnswerRecord = {
  response: RsvpResponse;
  comment: string | null;
  via: RsvpChannel;
  /** The SEQUENCE the answer is to: a mail reply's own, else the event's at the time. */
  sequence: number;
  /** A mail reply's DTSTAMP, else when it was given (ISO 8601). */
  dtstamp: string;
  answeredAt: string;
};

/** One answer in an attendee's history (keys.rsvpHistoryKey): appended, never changed. */
export type RsvpHistoryRecord = AnswerRecord & {
  pk: string;
  sk: string;
  eventId: string;
  email: string;
  previous: AttendeeStatus;
};

/** Per address, across organizers: SES bounces and complaints, and one-click unsubscribes. */
export type SuppressionRecord = {
  pk: string;
  sk: string;
  email: string;
  /** Set by a hard bounce or a complaint: nothing more is sent to the address. */
  reason?: 'BOUNCED' | 'COMPLAINED' | null;
  /** Organizers whose future invitations the address unsubscribed from. */
  unsubscribedFrom?: string[] | null;
  updatedAt: string;
};

export type ImportStatus = 'WAITING_FOR_UPLOAD' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** One row not invited, as the importer keeps it (functions/importer/importSummary.ts RowIssue). */
export type ImportRowIssueRecord = { row: number; email: string; reason: string; firstRow?: number };

/**
 * The importer's summary (functions/importer/importSummary.ts ImportSummary), stored whole
 * after each chunk: it is the import's checkpoint as well as what the API shows.
 */
export type ImportSummaryRecord = {
  version: number;
  unknownColumns: string[];
  lastRow: number;
  bytesRead: number;
  totals: { rows: number; valid: number; invited: number; duplicates: number; invalid: number; rejected: number; notInvited: number };
  issues: { invalid: ImportRowIssueRecord[]; duplicates: ImportRowIssueRecord[]; rejected: ImportRowIssueRecord[]; notInvited: ImportRowIssueRecord[] };
  stopped: { row: number; errorType: string; reason: string } | null;
  done: boolean;
};

/** A bulk import (keys.importJobKey): made by startImport, run by the importer. */
export type ImportJobRecord = {
  pk: string;
  sk: string;
  id: string;
  eventId: string;
  organizerId: string;
  status: ImportStatus;
  source: 'UPLOAD' | 'EMAIL';
  fileName: string | null;
  /** Where the file is uploaded (keys.importObjectKey). */
  objectKey: string;
  size: number | null;
  summary: ImportSummaryRecord | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** TTL (epoch seconds): jobs are kept 90 days. */
  expiresAt: number;
};

/** The fields of an event its attendees see: a change to any of them bumps the SEQUENCE. */
export const ATTENDEE_VISIBLE_FIELDS = ['title', 'description', 'location', 'startsAt', 'endsAt', 'timeZone'] as const;

export type NoticeKind =
  | 'EVENT_CREATED'
  | 'REQUEST_REFUSED'
  | 'LIMIT_REACHED'
  | 'IMPORT_FINISHED'
  | 'ATTENDEE_ACCEPTED'
  | 'ACCEPTANCE_DIGEST'
  | 'EVENT_REQUEST_PROCESSED'
  | 'EVENT_REQUEST_FAILED';

/**
 * An organizer notice waiting in the table (keys.noticeKey): the stream delivers it by email
 * and on the organizer notices topic. `expiresAt` (epoch seconds) lets TTL remove it.
 */
export type NoticeRecord = {
  pk: string;
  sk: string;
  id: string;
  organizerId: string;
  kind: NoticeKind;
  /** One line, for the mail subject. */
  subject: string;
  /** Plain words: what happened and what to do. */
  message: string;
  /** Machine-readable facts (limit name and value, the refused operation, event id). */
  details: Record<string, unknown>;
  createdAt: string;
  expiresAt: number;
};

/** One acceptance as a digest lists it. */
export type AcceptanceEntry = {
  eventId: string;
  eventTitle: string;
  email: string;
  name: string | null;
  comment: string | null;
  via: RsvpChannel;
  answeredAt: string;
};

/**
 * The acceptances of one digest window of an organizer (keys.acceptanceWindowKey), added to in
 * the answers' transactions; the digest function turns it into an ACCEPTANCE_DIGEST notice
 * and deletes it once the window has ended. `count` counts every acceptance, `acceptances`
 * lists the first ACCEPTANCE_DIGEST_LIMITS.listed (the item stays small).
 */
export type AcceptanceWindowRecord = {
  pk: string;
  sk: string;
  organizerId: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  acceptances: AcceptanceEntry[];
  /** TTL (epoch seconds): a window never closed goes a week after its end. */
  expiresAt: number;
};
