// Attendee views for the API.
import type { Attendee } from '../../generated/graphql';
import type { AttendeeRecord, AttendeeStatus } from './records';

export function toAttendee(record: AttendeeRecord): Attendee {
  return {
    eventId: record.eventId,
    email: record.email,
    name: record.name ?? null,
    status: record.status,
    delivery: {
      state: record.delivery.state,
      attempts: record.delivery.attempts,
      sequence: record.delivery.sequence ?? null,
      messageId: record.delivery.messageId ?? null,
      sentAt: record.delivery.sentAt ?? null,
      lastError: record.delivery.lastError ?? null,
    },
    answer: record.answer
      ? {
          response: record.answer.response,
          comment: record.answer.comment ?? null,
          via: record.answer.via,
          sequence: record.answer.sequence,
          dtstamp: record.answer.dtstamp,
          answeredAt: record.answer.answeredAt,
        }
      : null,
    invitedAt: record.invitedAt,
    updatedAt: record.updatedAt,
  };
}

/** The event's counter of attendees with an answer. */
export function countField(status: AttendeeStatus): 'needsAction' | 'accepted' | 'declined' | 'tentative' {
  if (status === 'ACCEPTED') return 'accepted';
  if (status === 'DECLINED') return 'declined';
  if (status === 'TENTATIVE') return 'tentative';
  return 'needsAction';
}

/** Attendees pages: 1..100, default 50. */
export const ATTENDEES_PAGE = { defaultLimit: 50, maxLimit: 100 } as const;
