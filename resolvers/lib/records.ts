// Shapes of the items stored in the single table (ARCHITECTURE.md section 6). Types only.
import type { EventStatus, OrganizerStatus } from '../../generated/graphql';

export type OrganizerLimitsRecord = {
  maxActiveEvents: number;
  maxInvitationsPerEvent: number;
  maxInvitationsPerDay: number;
};

export type OrganizerRecord = {
  pk: string;
  sk: string;
  id: string;
  email: string | null;
  status: OrganizerStatus;
  limits: OrganizerLimitsRecord;
  /** Kept top-level so that the createEvent transaction can compare it with limits. */
  activeEvents: number;
  stats: { eventsCreated: number; invitationsSent: number };
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
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};
