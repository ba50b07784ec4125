import { describe, expect, it } from 'vitest';
import { eventWhen, eventZone, offsetLabel } from '../../../../../functions/lib/mail/eventWhen';

describe('when an event happens, in words', () => {
  it('gives the day and the hours in the event’s zone', () => {
    const event = { startsAt: '2026-03-10T13:00:00Z', endsAt: '2026-03-10T14:30:00Z', timeZone: 'Europe/Paris' };
    expect(eventWhen(event)).toBe('Tue Mar 10, 2026 14:00–15:30');
    expect(eventZone(event)).toBe('Europe/Paris, UTC+01:00');
  });

  it('gives both days when the event crosses midnight in its zone', () => {
    expect(eventWhen({ startsAt: '2026-03-10T21:00:00Z', endsAt: '2026-03-11T01:00:00Z', timeZone: 'America/New_York' })).toBe('Tue Mar 10, 2026 17:00–21:00');
    expect(eventWhen({ startsAt: '2026-03-10T21:00:00Z', endsAt: '2026-03-11T01:00:00Z', timeZone: 'Europe/Paris' })).toBe('Tue Mar 10, 2026 22:00 – Wed Mar 11, 2026 02:00');
  });

  it('gives both offsets when the clocks change during the event', () => {
    expect(eventZone({ startsAt: '2026-10-24T22:00:00Z', endsAt: '2026-10-25T04:00:00Z', timeZone: 'Europe/Paris' })).toBe('Europe/Paris, UTC+02:00 to UTC+01:00');
  });

  it('writes half-hour and negative offsets, and plain UTC', () => {
    expect(offsetLabel(19800)).toBe('UTC+05:30');
    expect(offsetLabel(-12600)).toBe('UTC-03:30');
    expect(eventZone({ startsAt: '2026-03-10T13:00:00Z', endsAt: '2026-03-10T14:00:00Z', timeZone: 'UTC' })).toBe('UTC');
    expect(eventZone({ startsAt: '2026-03-10T13:00:00Z', endsAt: '2026-03-10T14:00:00Z', timeZone: 'Asia/Kolkata' })).toBe('Asia/Kolkata, UTC+05:30');
  });
});
