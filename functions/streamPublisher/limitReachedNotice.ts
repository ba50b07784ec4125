// The organizer's notice that a limit is reached: a change to the organizer item that takes a
// counter from below its limit to at or above it (the createEvent that uses the last active
// event, or an administrator lowering the limit under what is in use). Each limit is a rule
// in LIMIT_RULES; an organizer item that stays at its limit notifies nothing again.
import type { OrganizerLimitsRecord, OrganizerRecord } from '../../resolvers/lib/records';
import { ORGANIZER_NOTICE, organizerNoticeMessageId, type OrganizerNoticeMessage } from '../lib/messages/organizerNotice';
import { SCHEMA_VERSION } from '../lib/messages/topicMessage';

type LimitRule = {
  limit: keyof OrganizerLimitsRecord;
  current: (organizer: OrganizerRecord) => number;
  subject: (max: number) => string;
  message: (current: number, max: number) => string;
};

export const LIMIT_RULES: readonly LimitRule[] = [
  {
    limit: 'maxActiveEvents',
    current: (organizer) => organizer.activeEvents,
    subject: (max) => `You have reached your limit of ${max} active events`,
    message: (current, max) =>
      `You now have ${current} active events, the most your account allows (maxActiveEvents ${max}). ` +
      'A new event will be refused until you cancel one or an administrator raises the limit.',
  },
];

/** Where the change sits in the stream (the notice's id) and when it happened. */
export type ChangeFacts = { sequenceNumber: string; occurredAt: string };

export function limitReachedNotices(before: OrganizerRecord, after: OrganizerRecord, facts: ChangeFacts): OrganizerNoticeMessage[] {
  return LIMIT_RULES.filter((rule) => rule.current(before) < before.limits[rule.limit] && rule.current(after) >= after.limits[rule.limit]).map((rule) => {
    const max = after.limits[rule.limit];
    const current = rule.current(after);
    return {
      type: ORGANIZER_NOTICE,
      schemaVersion: SCHEMA_VERSION,
      // The stream record is the change: its retries carry the same sequence number.
      messageId: organizerNoticeMessageId('LIMIT_REACHED', after.id, rule.limit, facts.sequenceNumber),
      occurredAt: facts.occurredAt,
      organizerId: after.id,
      kind: 'LIMIT_REACHED',
      subject: rule.subject(max),
      message: rule.message(current, max),
      details: { limit: rule.limit, value: max, current },
    };
  });
}
