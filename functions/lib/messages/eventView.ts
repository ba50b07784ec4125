// An event as the topics show it: what attendees and other systems may know (the organizer's
// notes are left out), with every optional field present, null when unset.
import type { EventStatus } from '../../../generated/graphql';
import type { EventRecord } from '../../../resolvers/lib/records';

export type EventView = {
  id: string;
  organizerId: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: EventStatus;
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
};

export function toEventView(record: EventRecord): EventView {
  return {
    id: record.id,
    organizerId: record.organizerId,
    title: record.title,
    description: record.description ?? null,
    location: record.location ?? null,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    timeZone: record.timeZone,
    status: record.status,
    sequence: record.sequence,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    cancelledAt: record.cancelledAt ?? null,
    cancelReason: record.cancelReason ?? null,
  };
}
