// DATE-TIME values (RFC 5545 section 3.3.5): UTC (`19980119T070000Z`) or local time with a
// TZID parameter (`DTSTART;TZID=America/New_York:19980119T020000`), and UTC-OFFSET values
// (section 3.3.14).
import { isRepeatedLocalTime, wallClock, type WallClock } from './zonedTime';

export type DateTimeValue = {
  /** Set when the value is a local time in that zone; absent for a UTC value. */
  tzid?: string;
  value: string;
};

/** A UTC DATE-TIME: `20260310T130000Z`. */
export function utcDateTime(ms: number): string {
  return `${localDateTime(wallClock('UTC', ms))}Z`;
}

/** A local DATE-TIME, no zone: `20260310T140000`. */
export function localDateTime(wall: WallClock): string {
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

/**
 * The instant `ms` as the event's zone shows it, with TZID; in UTC when the zone is UTC, or
 * when that local time happens twice (fall back), since a TZID value can only name the first.
 */
export function zonedDateTime(tzid: string, isUtc: boolean, ms: number): DateTimeValue {
  if (isUtc || isRepeatedLocalTime(tzid, ms)) return { value: utcDateTime(ms) };
  return { tzid, value: localDateTime(wallClock(tzid, ms)) };
}

/** A UTC-OFFSET value: `+0100`, `-0430`, `+0530`; seconds only when there are any (`+003512`). */
export function utcOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hhmm = `${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? `${sign}${hhmm}` : `${sign}${hhmm}${pad(abs % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
