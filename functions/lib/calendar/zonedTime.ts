// Wall-clock time and UTC offsets in an IANA time zone, from the tz data that Node's ICU
// carries (Intl): the same data every other date in a Lambda is formatted with, so the
// VTIMEZONE we write and the local times we write cannot disagree.
import { MalformedInputError } from '../errors';

export type WallClock = {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

export type ResolvedTimeZone = {
  /** The name as given: it becomes the TZID. */
  tzid: string;
  /** The zone is UTC under another name (UTC, Etc/UTC, GMT, Zulu...): times are written with Z. */
  isUtc: boolean;
};

/** IANA names are made of these (tz-link.html, "Names of timezones"); anything else is refused. */
const IANA_NAME = /^[A-Za-z0-9/_+-]+$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone, checked against this Node's tz data; a MalformedInputError when it is not a zone. */
export function resolveTimeZone(name: string): ResolvedTimeZone {
  if (!IANA_NAME.test(name)) throw new MalformedInputError(`timeZone ${JSON.stringify(name)} is not an IANA time zone name`);
  let resolved: string;
  try {
    resolved = formatter(name).resolvedOptions().timeZone;
  } catch (error) {
    throw new MalformedInputError(`timeZone ${JSON.stringify(name)} is not an IANA time zone name`, { cause: error });
  }
  return { tzid: name, isUtc: resolved === 'UTC' };
}

/** The wall clock in `timeZone` at the instant `ms` (milliseconds are dropped). */
export function wallClock(timeZone: string, ms: number): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(Math.floor(ms / 1000) * 1000))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

/** The zone's offset from UTC at the instant `ms`, in seconds (east positive). */
export function utcOffsetSeconds(timeZone: string, ms: number): number {
  const wall = wallClock(timeZone, ms);
  return (wallClockAsUtc(wall) - Math.floor(ms / 1000) * 1000) / 1000;
}

/** The wall clock read as if it were UTC, in milliseconds: handy for date arithmetic on local times. */
export function wallClockAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The fields of a `wallClockAsUtc` value. */
export function wallClockOf(msAsUtc: number): WallClock {
  const date = new Date(msAsUtc);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/**
 * Whether the local time at `ms` happens twice in `timeZone` (the hour repeated when clocks
 * go back). RFC 5545 section 3.3.5 reads such a TZID time as the first occurrence, and not
 * every reader follows it (ical.js takes the second), so these instants are written in UTC.
 */
export function isRepeatedLocalTime(timeZone: string, ms: number): boolean {
  const DAY = 86_400_000;
  const offset = utcOffsetSeconds(timeZone, ms);
  const local = Math.floor(ms / 1000) * 1000 + offset * 1000;
  for (const other of new Set([utcOffsetSeconds(timeZone, ms - DAY), utcOffsetSeconds(timeZone, ms + DAY)])) {
    if (other === offset) continue;
    const twin = local - other * 1000;
    if (utcOffsetSeconds(timeZone, twin) === other) return true;
  }
  return false;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}
