import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { serialize } from '../../../../../functions/lib/calendar/contentLine';
import { observances, vtimezoneLines } from '../../../../../functions/lib/calendar/vtimezone';
import { isRepeatedLocalTime, utcOffsetSeconds, wallClock } from '../../../../../functions/lib/calendar/zonedTime';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

/** The VTIMEZONE as ical.js reads it, registered under its TZID. */
function icalZone(tzid: string, start: number, end: number): ICAL.Timezone {
  const ics = serialize(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', ...vtimezoneLines(tzid, start, end), 'END:VCALENDAR']);
  const component = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vtimezone')!;
  const zone = new ICAL.Timezone(component);
  ICAL.TimezoneService.register(zone);
  return zone;
}

/** The UTC instant ical.js gives for the local time that `ms` shows in `tzid`. */
function icalInstant(zone: ICAL.Timezone, tzid: string, ms: number): number {
  const wall = wallClock(tzid, ms);
  const time = new ICAL.Time({ ...wall, isDate: false }, zone);
  return time.toUnixTime() * 1000;
}

/** Instants to check: every 15 minutes for two days around each transition Intl knows of, and every 5 hours across the event's year. */
function instantsAround(tzid: string, start: number): number[] {
  const year = new Date(start).getUTCFullYear();
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const instants: number[] = [];
  for (let t = from; t < to; t += 5 * HOUR) instants.push(t);
  for (let t = from; t < to; t += 6 * HOUR) {
    if (utcOffsetSeconds(tzid, t) !== utcOffsetSeconds(tzid, t + 6 * HOUR)) {
      for (let u = t - 24 * HOUR; u < t + 30 * HOUR; u += HOUR / 4) instants.push(u);
    }
  }
  return instants;
}

// Zones with something to prove: the brief's DST edges, half-hour and 45-minute offsets,
// southern-hemisphere and negative DST, and zones whose rules changed around the event.
const ZONES: [string, string][] = [
  ['Europe/Paris', '2026-06-10T08:00:00Z'],
  ['America/New_York', '2026-11-01T12:00:00Z'],
  ['Australia/Lord_Howe', '2026-04-05T12:00:00Z'],
  ['Asia/Kolkata', '2026-06-10T08:00:00Z'],
  ['Australia/Sydney', '2026-10-04T08:00:00Z'],
  ['Pacific/Chatham', '2026-09-27T08:00:00Z'],
  ['Europe/Dublin', '2026-03-29T08:00:00Z'],
  ['America/Mexico_City', '2022-06-01T15:00:00Z'], // DST abolished in October 2022
  ['America/Sao_Paulo', '2019-01-15T15:00:00Z'], // DST abolished in 2019
  ['Asia/Tehran', '2022-06-01T08:00:00Z'], // DST abolished in 2022
  ['Europe/Moscow', '2014-06-01T08:00:00Z'], // permanent +04 ended October 2014
  ['Asia/Jerusalem', '2026-03-27T08:00:00Z'], // Friday before the last Sunday of March
  ['America/Santiago', '2026-04-05T08:00:00Z'], // Sunday on or after the 2nd, at 24:00
  ['Africa/Casablanca', '2026-02-15T08:00:00Z'], // Ramadan suspensions
];

describe('VTIMEZONE from Intl, read back by ical.js', () => {
  it.each(ZONES)('%s: every local time around %s converts to the instant it came from', (tzid, iso) => {
    const start = at(iso);
    const zone = icalZone(tzid, start, start + HOUR);
    let checked = 0;
    for (const t of instantsAround(tzid, start)) {
      const read = icalInstant(zone, tzid, t);
      if (isRepeatedLocalTime(tzid, t)) {
        // ical.js takes the second occurrence (RFC 5545 says the first): the event writes these in UTC.
        const offsets = [utcOffsetSeconds(tzid, t - 86_400_000), utcOffsetSeconds(tzid, t + 86_400_000)];
        const local = t + utcOffsetSeconds(tzid, t) * 1000;
        expect(offsets.map((o) => local - o * 1000)).toContain(read);
      } else {
        expect(new Date(read).toISOString(), `${tzid} local ${JSON.stringify(wallClock(tzid, t))}`).toBe(new Date(t).toISOString());
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1700);
  });
});

describe('VTIMEZONE shapes', () => {
  it('writes a steady DST rule as two yearly RRULEs, the way Outlook reads them (Europe/Paris)', () => {
    expect(vtimezoneLines('Europe/Paris', at('2026-06-10T08:00:00Z'), at('2026-06-10T09:00:00Z'))).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('finds the second Sunday of March and the first of November (America/New_York)', () => {
    const rules = observances('America/New_York', at('2026-06-10T08:00:00Z'), at('2026-06-10T09:00:00Z')).map((o) => [o.kind, o.offsetFrom, o.offsetTo, o.start, o.rule, o.name]);
    expect(rules).toEqual([
      ['DAYLIGHT', -18000, -14400, '20250309T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'EDT'],
      ['STANDARD', -14400, -18000, '20251102T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'EST'],
    ]);
  });

  it('writes Lord Howe’s half-hour DST: +1030 to +1100 on the first Sunday of October, back in April', () => {
    const rules = observances('Australia/Lord_Howe', at('2026-04-05T12:00:00Z'), at('2026-04-05T13:00:00Z')).map((o) => [o.kind, o.offsetFrom, o.offsetTo, o.start, o.rule]);
    expect(rules).toEqual([
      ['STANDARD', 39600, 37800, '20250406T020000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU'],
      ['DAYLIGHT', 37800, 39600, '20251005T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU'],
    ]);
  });

  it('writes one STANDARD observance for a zone without DST (Asia/Kolkata)', () => {
    expect(observances('Asia/Kolkata', at('2026-06-10T08:00:00Z'), at('2026-06-10T09:00:00Z'))).toEqual([
      { kind: 'STANDARD', start: '20250101T053000', offsetFrom: 19800, offsetTo: 19800, name: undefined },
    ]);
  });

  it('writes each transition when the rules change around the event (America/Mexico_City, 2022)', () => {
    const found = observances('America/Mexico_City', at('2022-06-01T15:00:00Z'), at('2022-06-01T16:00:00Z'));
    expect(found.map((o) => [o.kind, o.start, o.offsetFrom, o.offsetTo, o.rule])).toEqual([
      ['STANDARD', '20201231T180000', -21600, -21600, undefined],
      ['DAYLIGHT', '20210404T020000', -21600, -18000, undefined],
      ['STANDARD', '20211031T020000', -18000, -21600, undefined],
      ['DAYLIGHT', '20220403T020000', -21600, -18000, undefined],
      ['STANDARD', '20221030T020000', -18000, -21600, undefined],
    ]);
  });

  it('starts every observance set before the event, so no reader falls back to offset 0', () => {
    for (const [tzid, iso] of ZONES) {
      const start = at(iso);
      const first = observances(tzid, start, start + HOUR).map((o) => o.start).sort()[0]!;
      expect(first < `${new Date(start).getUTCFullYear()}0101T000000`, tzid).toBe(true);
    }
  });
});
