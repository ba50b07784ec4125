// An organizer notice message as the organizer notices topic carries it.
import type { OrganizerNoticeMessage } from '../../functions/lib/messages/organizerNotice';

export function makeNoticeMessage(overrides: Partial<OrganizerNoticeMessage> = {}): OrganizerNoticeMessage {
  return {
    type: 'ORGANIZER_NOTICE',
    schemaVersion: 1,
    messageId: 'ORGANIZER_NOTICE#EVENT_CREATED#evt-1',
    occurredAt: '2030-01-01T09:00:00.000Z',
    organizerId: 'org-1',
    kind: 'EVENT_CREATED',
    subject: 'Event created: Launch party',
    message: 'Your event "Launch party" is created.',
    details: { eventId: 'evt-1', title: 'Launch party', startsAt: '2030-03-01T17:00:00.000Z', endsAt: '2030-03-01T20:00:00.000Z', timeZone: 'Europe/Paris', location: null },
    ...overrides,
  };
}
