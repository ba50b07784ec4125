// The instant a wall-clock time in an IANA time zone stands for, from Node's tz data (the
// same data the invitations' VTIMEZONEs are written from: lib/calendar/zonedTime.ts).
// RFC 5545 section 3.3.5: a local time that happens twice (clocks going back) is its first
// occurrence; one that never happens (clocks going forward) is read with the offset before
// the gap, so 02:30 on a spring-forward night in Europe/Paris is 03:30 CEST.
import { utcOffsetSeconds, wallClockAsUtc, type WallClock } from '../lib/calendar/zonedTime';

const DAY_MS = 86_400_000;

/** Epoch milliseconds of `wall` in `timeZone` (an IANA name this Node knows). */
export function zonedInstant(wall: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtc(wall);
  // A zone's offset changes at most once in a day or so: the offsets a day either side cover both readings.
  const before = utcOffsetSeconds(timeZone, asUtc - DAY_MS);
  const after = utcOffsetSeconds(timeZone, asUtc + DAY_MS);
  const readings = [...new Set([before, after])].map((offset) => asUtc - offset * 1000).filter((ms) => asUtc - ms === utcOffsetSeconds(timeZone, ms) * 1000);
  if (readings.length > 0) return Math.min(...readings);
  return asUtc - before * 1000;
}
