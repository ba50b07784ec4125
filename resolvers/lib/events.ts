// Event records: building a new one from validated input.
import type { CreateEventInput } from '../../generated/graphql';
import { eventKey } from './keys';
import type { EventRecord } from './records';
import { optionalText } from './validateEvent';

export type NewEventFacts = {
  id: string;
  organizerId: string;
  /** Instants normalized to UTC ISO 8601 with milliseconds, so that they sort as strings. */
  startsAt: string;
  endsAt: string;
  now: string;
};

export function newEventRecord(input: CreateEventInput, facts: NewEventFacts): EventRecord {
  return {
    ...eventKey(facts.id),
    id: facts.id,
    organizerId: facts.organizerId,
    title: input.title.trim(),
    description: optionalText(input.description),
    location: optionalText(input.location),
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    timeZone: input.timeZone,
    notes: optionalText(input.notes),
    status: 'ACTIVE',
    sequence: 0,
    version: 1,
    createdAt: facts.now,
    updatedAt: facts.now,
    counts: { invited: 0, needsAction: 0, accepted: 0, declined: 0, tentative: 0 },
  };
}

/** Only the organizer of an event, or an admin, may see it. */
export function maySeeEvent(event: EventRecord, organizerId: string | null, admin: boolean): boolean {
  return admin || (organizerId !== null && event.organizerId === organizerId);
}
