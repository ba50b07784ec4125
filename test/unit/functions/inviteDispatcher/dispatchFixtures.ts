// Table records and dispatch messages for the dispatcher's tests: one event (evt-1 of org-1),
// its attendee Grace, her suppression item, and the message that names her.
import { attendeeKey, suppressionKey } from '../../../../resolvers/lib/keys';
import type { DispatchMessage } from '../../../../resolvers/lib/dispatch';
import type { AttendeeRecord, SuppressionRecord } from '../../../../resolvers/lib/records';
import { makeEvent, ORGANIZER_ID } from '../../../helpers/streamRecords';

export { makeEvent, ORGANIZER_ID };

export const INVITED_AT = '2030-01-02T10:00:00.000Z';

export function makeAttendee(overrides: Partial<AttendeeRecord> = {}): AttendeeRecord {
  const eventId = overrides.eventId ?? 'evt-1';
  const email = overrides.email ?? 'grace@example.com';
  return {
    ...attendeeKey(eventId, email),
    eventId,
    organizerId: ORGANIZER_ID,
    email,
    name: 'Grace Hopper',
    status: 'NEEDS_ACTION',
    delivery: { state: 'QUEUED', attempts: 0, sequence: null, messageId: null, sentAt: null, lastError: null },
    source: 'API',
    invitedAt: INVITED_AT,
    updatedAt: INVITED_AT,
    ...overrides,
  };
}

export function makeSuppression(overrides: Partial<SuppressionRecord> = {}): SuppressionRecord {
  const email = overrides.email ?? 'grace@example.com';
  return { ...suppressionKey(email), email, reason: null, unsubscribedFrom: null, updatedAt: '2030-01-03T10:00:00.000Z', ...overrides };
}

export function makeDispatch(overrides: Partial<DispatchMessage> = {}): DispatchMessage {
  return { kind: 'REQUEST', reason: 'INVITED', eventId: 'evt-1', email: 'grace@example.com', sequence: 0, ...overrides };
}

/** What the resolver queues when Grace is removed (her name and invitation travel with it). */
export function makeRemoval(overrides: Partial<DispatchMessage> = {}): DispatchMessage {
  return makeDispatch({ kind: 'CANCEL', reason: 'REMOVED', sequence: 1, name: 'Grace Hopper', invitedAt: INVITED_AT, ...overrides });
}
