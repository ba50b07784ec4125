import { describe, expect, it } from 'vitest';
import { eventChanges, type UpdateInstants } from '../../../../resolvers/lib/eventChanges';
import type { EventRecord } from '../../../../resolvers/lib/records';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const event: EventRecord = {
  pk: 'event#e1',
  sk: 'event',
  id: 'e1',
  organizerId: 'o1',
  title: 'Launch',
  description: 'Party',
  location: null,
  startsAt: '2030-02-01T18:00:00.000Z',
  endsAt: '2030-02-01T21:00:00.000Z',
  timeZone: 'Europe/Paris',
  notes: null,
  status: 'ACTIVE',
  sequence: 2,
  version: 5,
  createdAt: '2029-12-01T00:00:00.000Z',
  updatedAt: '2029-12-01T00:00:00.000Z',
  counts: { invited: 0, needsAction: 0, accepted: 0, declined: 0, tentative: 0 },
};

function instants(startsAt = event.startsAt, endsAt = event.endsAt, nowMs = NOW): UpdateInstants {
  return { startsAt, endsAt, startsAtMs: Date.parse(startsAt), endsAtMs: Date.parse(endsAt), nowMs };
}

describe('eventChanges', () => {
  it('lists only the fields that differ, and calls a change attendees see visible', () => {
    const out = eventChanges(event, { title: 'Launch', location: 'Paris' }, instants());
    expect(out).toEqual({ violations: [], changes: { location: 'Paris' }, visible: true });
  });

  it('treats notes as organizer-only: not visible', () => {
    expect(eventChanges(event, { notes: 'bring badges' }, instants())).toEqual({ violations: [], changes: { notes: 'bring badges' }, visible: false });
  });

  it('keeps fields left out or null, and clears optional text given as blank', () => {
    const out = eventChanges(event, { title: null, description: '   ', startsAt: null }, instants());
    expect(out.changes).toEqual({ description: null });
  });

  it('takes the normalized times when the input moves the event', () => {
    const out = eventChanges(
      event,
      { startsAt: '2030-02-02T19:00:00+01:00', endsAt: '2030-02-02T22:00:00+01:00' },
      instants('2030-02-02T18:00:00.000Z', '2030-02-02T21:00:00.000Z'),
    );
    expect(out.changes).toEqual({ startsAt: '2030-02-02T18:00:00.000Z', endsAt: '2030-02-02T21:00:00.000Z' });
    expect(out.violations).toEqual([]);
    expect(out.visible).toBe(true);
  });

  it('refuses moving the start past the end the event keeps', () => {
    const out = eventChanges(event, { startsAt: '2030-02-02T18:00:00Z' }, instants('2030-02-02T18:00:00.000Z'));
    expect(out.violations).toEqual([{ field: 'input.endsAt', message: 'endsAt must be after startsAt' }]);
  });

  it('refuses moving an event into the past, and an end before the start', () => {
    const out = eventChanges(event, { startsAt: '2029-12-31T00:00:00Z' }, instants('2029-12-31T00:00:00.000Z', '2029-12-30T00:00:00.000Z'));
    expect(out.violations.map((v) => v.field)).toEqual(['input.startsAt', 'input.endsAt']);
    expect(out.violations[0].message).toMatch(/moved to the past/);
  });

  it('lets an event that has started keep its times while its text changes', () => {
    const started = { ...event, startsAt: '2029-12-31T18:00:00.000Z', endsAt: '2030-01-02T00:00:00.000Z' };
    const out = eventChanges(started, { title: 'Launch (day 2)' }, instants(started.startsAt, started.endsAt));
    expect(out).toEqual({ violations: [], changes: { title: 'Launch (day 2)' }, visible: true });
  });

  it('applies the create rules to the result: title, zone, lengths', () => {
    const out = eventChanges(event, { title: ' ', timeZone: 'Nowhere/Land', notes: 'n'.repeat(2001) }, instants());
    expect(out.violations.map((v) => v.field).sort()).toEqual(['input.notes', 'input.timeZone', 'input.title']);
  });
});
