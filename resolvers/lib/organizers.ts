// Organizer rules and views: registration record, refusals, and the GraphQL shape.
import type { Organizer } from '../../generated/graphql';
import { ErrorType, type ErrorTypeName } from './errorTypes';
import { organizerKey } from './keys';
import type { OrganizerLimitsRecord, OrganizerRecord } from './records';
import { acceptanceNoticesOf } from './rsvps';

export type Refusal = { errorType: ErrorTypeName; message: string; errorInfo: Record<string, unknown> };

/** Default limits arrive through the API's environment variables (set from CDK context). */
export function defaultLimitsFrom(env: Record<string, string>): OrganizerLimitsRecord {
  return {
    maxActiveEvents: Number(env.DEFAULT_MAX_ACTIVE_EVENTS),
    maxInvitationsPerEvent: Number(env.DEFAULT_MAX_INVITATIONS_PER_EVENT),
    maxInvitationsPerDay: Number(env.DEFAULT_MAX_INVITATIONS_PER_DAY),
  };
}

export function newOrganizerRecord(
  id: string,
  email: string,
  limits: OrganizerLimitsRecord,
  now: string,
): OrganizerRecord {
  return {
    ...organizerKey(id),
    id,
    email,
    status: 'ACTIVE',
    limits,
    activeEvents: 0,
    stats: { eventsCreated: 0, invitationsSent: 0 },
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * An UpdateItem expression that writes each attribute only where it is missing, so that
 * registering is safe to race: the first writer wins and later ones change nothing.
 * Values are plain; the resolver converts them with util.dynamodb.toMapValues.
 */
export function setIfMissing(record: Record<string, unknown>, keyNames: string[]) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
  Object.keys(record)
    .filter((name) => !keyNames.includes(name))
    .forEach((name) => {
      names[`#${name}`] = name;
      values[`:${name}`] = record[name];
      clauses.push(`#${name} = if_not_exists(#${name}, :${name})`);
    });
  return { expression: `SET ${clauses.join(', ')}`, expressionNames: names, expressionValues: values };
}

/** Why this organizer may not change anything, or null when it may. */
export function inactiveRefusal(organizer: OrganizerRecord): Refusal | null {
  if (organizer.status === 'ACTIVE') return null;
  return {
    errorType: ErrorType.Unauthorized,
    message: 'Your organizer account is suspended: you can read your events but not change them.',
    errorInfo: { reason: 'ORGANIZER_SUSPENDED' },
  };
}

/** Why this organizer may not create one more event, or null when it may. */
export function activeEventsRefusal(organizer: OrganizerRecord): Refusal | null {
  const max = organizer.limits.maxActiveEvents;
  if (organizer.activeEvents < max) return null;
  return {
    errorType: ErrorType.LimitExceeded,
    message: `You have ${organizer.activeEvents} active events, the most your account allows (maxActiveEvents ${max}). Cancel an event or ask an admin to raise the limit.`,
    errorInfo: { limit: 'maxActiveEvents', value: max, current: organizer.activeEvents },
  };
}

export function toOrganizer(record: OrganizerRecord): Organizer {
  return {
    id: record.id,
    email: record.email,
    status: record.status,
    limits: record.limits,
    suspendedReason: record.suspendedReason ?? null,
    stats: {
      activeEvents: record.activeEvents,
      eventsCreated: record.stats.eventsCreated,
      invitationsSent: record.stats.invitationsSent,
      rsvps: {
        accepted: (record.rsvpsAccepted || 0) + ((record.stats.rsvps && record.stats.rsvps.accepted) || 0),
        declined: (record.rsvpsDeclined || 0) + ((record.stats.rsvps && record.stats.rsvps.declined) || 0),
        tentative: (record.rsvpsTentative || 0) + ((record.stats.rsvps && record.stats.rsvps.tentative) || 0),
      },
    },
    acceptanceNotices: acceptanceNoticesOf(record),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The UpdateItem (plain values) setting how the organizer hears of acceptances. */
export function acceptanceNoticesUpdate(setting: string, now: string) {
  return {
    expression: 'SET #setting = :setting, #updatedAt = :now',
    expressionNames: { '#setting': 'acceptanceNotices', '#updatedAt': 'updatedAt' },
    expressionValues: { ':setting': setting, ':now': now },
  };
}
