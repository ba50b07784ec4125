// The only place a table key is spelled. Resolvers, Lambdas and the CDK app import these,
// so a key shape changes in one place (ARCHITECTURE.md section 6).

/** The table's primary key attributes. */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** GSI listing an organizer's events by start time: only event items carry both attributes. */
export const EVENTS_BY_ORGANIZER = {
  indexName: 'byOrganizer',
  partitionKey: 'organizerId',
  sortKey: 'startsAt',
} as const;

export type TableKey = { pk: string; sk: string };

export function organizerKey(organizerId: string): TableKey {
  return { pk: `organizer#${organizerId}`, sk: 'profile' };
}

/** How an email address is keyed and compared: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The organizer-by-email lookup item (emailed requests find their organizer through it). */
export function organizerEmailKey(email: string): TableKey {
  return { pk: `organizer-email#${normalizeEmail(email)}`, sk: 'organizer' };
}

export function eventKey(eventId: string): TableKey {
  return { pk: `event#${eventId}`, sk: 'event' };
}

/** Prefix of an organizer's notice items (sorted by time under the organizer's partition). */
export const NOTICE_SK_PREFIX = 'notice#';

/**
 * An organizer notice (outbox item): written by a resolver, delivered from the table's
 * stream by email and on the organizer notices topic, then expired by TTL.
 */
export function noticeKey(organizerId: string, createdAt: string, noticeId: string): TableKey {
  return { pk: `organizer#${organizerId}`, sk: `${NOTICE_SK_PREFIX}${createdAt}#${noticeId}` };
}

/** The idempotency item of a processed message or queue record (expired by TTL). */
export function messageKey(messageId: string): TableKey {
  return { pk: `message#${messageId}`, sk: 'message' };
}

/** Prefix of an event's attendee items (sk), one per normalized email. */
export const ATTENDEE_SK_PREFIX = 'attendee#';

/** An attendee of an event: one per normalized address, under the event's partition. */
export function attendeeKey(eventId: string, email: string): TableKey {
  return { pk: `event#${eventId}`, sk: `${ATTENDEE_SK_PREFIX}${normalizeEmail(email)}` };
}

export const RSVP_SK_PREFIX = 'rsvp#';

/** One answer of an attendee, under the event's partition, in the order answers came. */
export function rsvpHistoryKey(eventId: string, email: string, answeredAt: string, id: string): TableKey {
  return { pk: `event#${eventId}`, sk: `${rsvpHistoryPrefix(email)}${answeredAt}#${id}` };
}

/** The sort key prefix of one attendee's answers. */
export function rsvpHistoryPrefix(email: string): string {
  return `${RSVP_SK_PREFIX}${normalizeEmail(email)}#`;
}

export const IMPORT_SK_PREFIX = 'import#';

/** A bulk import job of an event, under the event's partition. */
export function importJobKey(eventId: string, jobId: string): TableKey {
  return { pk: `event#${eventId}`, sk: `${IMPORT_SK_PREFIX}${jobId}` };
}

/** The S3 key an import's CSV is uploaded to (IMPORTS_PREFIX of the imports bucket). */
export function importObjectKey(eventId: string, jobId: string): string {
  return `imports/${eventId}/${jobId}.csv`;
}

/** How many invitations an organizer sent on one UTC day (`yyyy-mm-dd`): the daily limit's counter. */
export function invitationsDayKey(organizerId: string, day: string): TableKey {
  return { pk: `organizer#${organizerId}`, sk: `invitations#${day}` };
}

/** What is known against an address: bounced, complained, unsubscribed from organizers. */
export function suppressionKey(email: string): TableKey {
  return { pk: `suppression#${normalizeEmail(email)}`, sk: 'suppression' };
}

/** Prefix of an organizer's acceptance digest windows (sk), by the window's start. */
export const ACCEPTANCE_WINDOW_SK_PREFIX = 'acceptances#';

/** The acceptances of one digest window (start as ISO 8601), under the organizer's partition. */
export function acceptanceWindowKey(organizerId: string, windowStart: string): TableKey {
  return { pk: `organizer#${organizerId}`, sk: `${ACCEPTANCE_WINDOW_SK_PREFIX}${windowStart}` };
}
