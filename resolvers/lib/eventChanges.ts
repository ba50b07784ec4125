// updateEvent's rules as plain data: which fields an update changes, whether attendees see
// the change (then the iCalendar SEQUENCE grows: RFC 5546 section 2.1.4), and what is wrong
// with the result. Times arrive as epoch milliseconds, parsed by the resolver (util.time).
import type { UpdateEventInput } from '../../generated/graphql';
import { ATTENDEE_VISIBLE_FIELDS, type EventRecord } from './records';
import { eventInputViolations, optionalText, type Violation } from './validateEvent';

/** The fields updateEvent may set. */
export type ChangeableField = (typeof ATTENDEE_VISIBLE_FIELDS)[number] | 'notes';

export type UpdateInstants = {
  /** The new start and end as epoch ms (the current ones when the input leaves them out). */
  startsAtMs: number;
  endsAtMs: number;
  nowMs: number;
  /** Normalized (UTC ISO 8601) forms of the given times, as stored. */
  startsAt: string;
  endsAt: string;
};

export type EventChanges = {
  violations: Violation[];
  /** Only the fields whose value differs from the stored event. */
  changes: Partial<Record<ChangeableField, string | null>>;
  /** Whether an attendee-visible field changes (SEQUENCE + 1). */
  visible: boolean;
};

export function eventChanges(event: EventRecord, input: UpdateEventInput, instants: UpdateInstants): EventChanges {
  const next: Record<ChangeableField, string | null> = {
    title: input.title !== null && input.title !== undefined ? input.title.trim() : event.title,
    description: input.description !== null && input.description !== undefined ? optionalText(input.description) : event.description,
    location: input.location !== null && input.location !== undefined ? optionalText(input.location) : event.location,
    startsAt: input.startsAt ? instants.startsAt : event.startsAt,
    endsAt: input.endsAt ? instants.endsAt : event.endsAt,
    timeZone: input.timeZone !== null && input.timeZone !== undefined ? input.timeZone : event.timeZone,
    notes: input.notes !== null && input.notes !== undefined ? optionalText(input.notes) : (event.notes ?? null),
  };
  const moved = next.startsAt !== event.startsAt || next.endsAt !== event.endsAt;
  // The create rules, except that an event whose times do not move may already have started.
  const PAST_START = 'startsAt must be in the future';
  const violations = eventInputViolations(
    {
      title: next.title ?? '',
      description: next.description,
      location: next.location,
      startsAt: next.startsAt ?? '',
      endsAt: next.endsAt ?? '',
      timeZone: next.timeZone ?? '',
      notes: next.notes,
    },
    { startsAtMs: instants.startsAtMs, endsAtMs: instants.endsAtMs, nowMs: instants.nowMs },
  )
    .filter((v) => moved || v.message !== PAST_START)
    .map((v) => (v.message === PAST_START ? { field: v.field, message: 'an event cannot be moved to the past: startsAt must be in the future' } : v));
  const changes: Partial<Record<ChangeableField, string | null>> = {};
  let visible = false;
  const current = event as unknown as Record<string, string | null | undefined>;
  (Object.keys(next) as ChangeableField[]).forEach((field) => {
    const before = current[field] ?? null;
    if (next[field] !== before) {
      changes[field] = next[field];
      if (field !== 'notes') visible = true;
    }
  });
  return { violations, changes, visible };
}
