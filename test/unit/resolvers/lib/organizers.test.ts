import { describe, expect, it } from 'vitest';
import { organizerKey } from '../../../../resolvers/lib/keys';
import { activeEventsRefusal, defaultLimitsFrom, inactiveRefusal, newOrganizerRecord, setIfMissing, toOrganizer } from '../../../../resolvers/lib/organizers';

const limits = defaultLimitsFrom({ DEFAULT_MAX_ACTIVE_EVENTS: '3', DEFAULT_MAX_INVITATIONS_PER_EVENT: '10', DEFAULT_MAX_INVITATIONS_PER_DAY: '5' });
const record = newOrganizerRecord('u1', 'a@example.com', limits, '2030-01-01T00:00:00.000Z');

describe('organizer records', () => {
  it('starts active, with the given limits and zero counters', () => {
    expect(record).toEqual({
      ...organizerKey('u1'),
      id: 'u1',
      email: 'a@example.com',
      status: 'ACTIVE',
      limits: { maxActiveEvents: 3, maxInvitationsPerEvent: 10, maxInvitationsPerDay: 5 },
      activeEvents: 0,
      stats: { eventsCreated: 0, invitationsSent: 0 },
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('registers with SET if_not_exists for every attribute but the key', () => {
    const update = setIfMissing(record, ['pk', 'sk']);
    expect(update.expression).toContain('#status = if_not_exists(#status, :status)');
    expect(update.expression).not.toContain('#pk');
    expect(Object.keys(update.expressionValues)).toHaveLength(Object.keys(record).length - 2);
    expect(update.expressionNames['#activeEvents']).toBe('activeEvents');
  });

  it('refuses a suspended organizer and one at its active-event limit', () => {
    expect(inactiveRefusal(record)).toBeNull();
    expect(inactiveRefusal({ ...record, status: 'SUSPENDED' })).toMatchObject({ errorType: 'Unauthorized', errorInfo: { reason: 'ORGANIZER_SUSPENDED' } });
    expect(activeEventsRefusal({ ...record, activeEvents: 2 })).toBeNull();
    expect(activeEventsRefusal({ ...record, activeEvents: 3 })).toMatchObject({
      errorType: 'LimitExceeded',
      errorInfo: { limit: 'maxActiveEvents', value: 3, current: 3 },
    });
  });

  it('shows activeEvents among the stats', () => {
    expect(toOrganizer({ ...record, activeEvents: 2 }).stats).toEqual({
      activeEvents: 2,
      eventsCreated: 0,
      invitationsSent: 0,
      rsvps: { accepted: 0, declined: 0, tentative: 0 },
    });
  });

  it('shows the RSVPs received by answer, zero where none came yet', () => {
    const stats = toOrganizer({ ...record, stats: { eventsCreated: 1, invitationsSent: 4, rsvps: { accepted: 3, declined: 1 } } }).stats;
    expect(stats.rsvps).toEqual({ accepted: 3, declined: 1, tentative: 0 });
  });
});
