import { describe, expect, it } from 'vitest';
import { isTimeZoneName } from '../../../../resolvers/lib/timeZones';
import { TIME_ZONE_NAMES } from '../../../../resolvers/lib/timeZoneNames.generated';

describe('isTimeZoneName', () => {
  it('knows zones and their backward-compatible links', () => {
    for (const name of ['Europe/Paris', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Calcutta', 'US/Pacific']) {
      expect(isTimeZoneName(name), name).toBe(true);
    }
  });

  it('refuses near misses, fragments and separators', () => {
    for (const name of ['europe/paris', 'Europe', 'Paris', '', ' ', 'Europe/Paris America/New_York', 'EST5EDT ', 'Mars/Base']) {
      expect(isTimeZoneName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('lists only names Node accepts, so Lambdas can format every one', () => {
    const names = TIME_ZONE_NAMES.trim().split(' ');
    expect(names.length).toBeGreaterThan(400);
    for (const timeZone of names) expect(() => new Intl.DateTimeFormat('en', { timeZone })).not.toThrow();
  });
});
