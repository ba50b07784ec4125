import { describe, expect, it } from 'vitest';
import { localDateTime, utcDateTime, utcOffset, zonedDateTime } from '../../../../../functions/lib/calendar/dateTimeValue';
import { MalformedInputError } from '../../../../../functions/lib/errors';
import { isRepeatedLocalTime, resolveTimeZone, utcOffsetSeconds, wallClock } from '../../../../../functions/lib/calendar/zonedTime';

const at = (iso: string) => Date.parse(iso);

describe('offsets and wall clocks from Intl', () => {
  it.each([
    ['Europe/Paris', '2026-01-15T12:00:00Z', 3600],
    ['Europe/Paris', '2026-07-15T12:00:00Z', 7200],
    ['America/New_York', '2026-01-15T12:00:00Z', -18000],
    ['America/New_York', '2026-07-15T12:00:00Z', -14400],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 19800],
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 37800],
    ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 39600],
    ['Pacific/Chatham', '2026-07-15T12:00:00Z', 45900],
    ['UTC', '2026-07-15T12:00:00Z', 0],
  ])('%s at %s is %i seconds east of UTC', (zone, iso, offset) => {
    expect(utcOffsetSeconds(zone, at(iso))).toBe(offset);
  });

  it('reads the wall clock in the zone, on a 24-hour clock', () => {
    expect(wallClock('America/New_York', at('2026-03-10T04:05:06Z'))).toEqual({ year: 2026, month: 3, day: 10, hour: 0, minute: 5, second: 6 });
  });

  it('knows the hour that happens twice when clocks go back, and only that hour', () => {
    // Europe/Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z, so 02:00-02:59 happens twice.
    expect(isRepeatedLocalTime('Europe/Paris', at('2026-10-25T00:30:00Z'))).toBe(true);
    expect(isRepeatedLocalTime('Europe/Paris', at('2026-10-25T01:30:00Z'))).toBe(true);
    expect(isRepeatedLocalTime('Europe/Paris', at('2026-10-24T23:59:59Z'))).toBe(false);
    expect(isRepeatedLocalTime('Europe/Paris', at('2026-10-25T02:00:00Z'))).toBe(false);
    expect(isRepeatedLocalTime('Europe/Paris', at('2026-03-29T01:30:00Z'))).toBe(false);
    // Lord Howe goes back half an hour: 02:00 LHDT becomes 01:30 LHST.
    expect(isRepeatedLocalTime('Australia/Lord_Howe', at('2026-04-04T14:45:00Z'))).toBe(true);
    expect(isRepeatedLocalTime('Asia/Kolkata', at('2026-10-25T00:30:00Z'))).toBe(false);
  });
});

describe('time zone names', () => {
  it('takes IANA names, aliases included, and knows UTC under its other names', () => {
    expect(resolveTimeZone('Europe/Paris')).toEqual({ tzid: 'Europe/Paris', isUtc: false });
    expect(resolveTimeZone('Asia/Calcutta')).toEqual({ tzid: 'Asia/Calcutta', isUtc: false });
    for (const utc of ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Zulu']) expect(resolveTimeZone(utc).isUtc).toBe(true);
    expect(resolveTimeZone('Europe/London').isUtc).toBe(false);
  });

  it('refuses what is not a zone, as a permanent error', () => {
    expect(() => resolveTimeZone('Mars/Olympus_Mons')).toThrow(MalformedInputError);
    expect(() => resolveTimeZone('Europe/Paris\r\nX-EVIL:1')).toThrow(MalformedInputError);
    expect(() => resolveTimeZone('')).toThrow(MalformedInputError);
  });
});

describe('DATE-TIME and UTC-OFFSET values', () => {
  it('writes UTC with Z and local time without', () => {
    expect(utcDateTime(at('2026-03-10T13:00:05.999Z'))).toBe('20260310T130005Z');
    expect(localDateTime({ year: 2026, month: 3, day: 9, hour: 8, minute: 7, second: 0 })).toBe('20260309T080700');
  });

  it('writes the local time with its TZID, and UTC for a UTC zone or a repeated hour', () => {
    expect(zonedDateTime('Europe/Paris', false, at('2026-03-10T13:00:00Z'))).toEqual({ tzid: 'Europe/Paris', value: '20260310T140000' });
    expect(zonedDateTime('UTC', true, at('2026-03-10T13:00:00Z'))).toEqual({ value: '20260310T130000Z' });
    expect(zonedDateTime('Europe/Paris', false, at('2026-10-25T00:30:00Z'))).toEqual({ value: '20261025T003000Z' });
  });

  it('writes offsets as +hhmm, with seconds only when there are any', () => {
    expect(utcOffset(3600)).toBe('+0100');
    expect(utcOffset(-16200)).toBe('-0430');
    expect(utcOffset(19800)).toBe('+0530');
    expect(utcOffset(0)).toBe('+0000');
    expect(utcOffset(-(35 * 60 + 12))).toBe('-003512');
  });
});
