// util.time: ISO 8601 and epoch conversions, and formatting with Java DateTimeFormatter
// patterns in a zone (`yyyy-MM-dd HH:mm:ssZ`, `Europe/Paris`), as AppSync's Java runtime does.
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html

// ISO 8601 as java.time accepts it for an instant with an offset: seconds and fraction optional.
const ISO_INSTANT = /^([+-]?\d{4,9})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)$/i;

export function parseISO8601ToEpochMilliSeconds(text: string): number {
  const match = ISO_INSTANT.exec(String(text));
  if (!match) throw new Error(`Text '${text}' could not be parsed as an ISO 8601 date-time`);
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const base = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  const check = new Date(base);
  if (
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    throw new Error(`Text '${text}' could not be parsed: invalid date or time`);
  }
  return base - offsetMillis(offset);
}

function offsetMillis(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  const seconds = Number(digits.slice(4, 6) || '0');
  return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** `2018-02-06T19:01:35.749Z`: UTC with milliseconds, as AppSync prints instants. */
export function epochMilliSecondsToISO8601(ms: number): string {
  return new Date(ms).toISOString();
}

type Parts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMinutes: number;
  zoneName: string;
};

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

// Java's ZoneId also takes fixed offsets ("+08:00", "UTC+8", "GMT-05:30"), which Node 20's
// Intl does not: those are computed here.
const FIXED_OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/;

function fixedOffsetMinutes(timeZone: string): number | undefined {
  if (timeZone === 'Z') return 0;
  const match = FIXED_OFFSET.exec(timeZone);
  if (!match) return undefined;
  const [, sign, hours, minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

function zoneParts(ms: number, timeZone: string): Parts {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== undefined) {
    const shifted = new Date(ms + fixed * 60000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      ms: shifted.getUTCMilliseconds(),
      weekday: shifted.getUTCDay(),
      offsetMinutes: fixed,
      zoneName: timeZone,
    };
  }
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      timeZoneName: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((ms % 1000) + 1000) % 1000,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
    offsetMinutes: Math.round((local - wholeSeconds) / 60000),
    zoneName: parts.timeZoneName,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a Java pattern into runs of one letter and quoted or plain literals. */
function tokens(pattern: string): { letter?: string; count: number; text?: string }[] {
  const out: { letter?: string; count: number; text?: string }[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out.push({ count: 0, text: text === '' ? "'" : text });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j += 1;
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ count: 0, text: c });
      i += 1;
    }
  }
  return out;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number, style: 'Z' | 'X' | 'x', count: number): string {
  if (minutes === 0 && style === 'X') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'Z') return count === 4 ? (minutes === 0 ? 'GMT' : `GMT${sign}${h}:${m}`) : count === 5 ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
  if (count === 1) return m === '00' ? `${sign}${h}` : `${sign}${h}${m}`;
  return count === 2 || count === 4 ? `${sign}${h}${m}` : `${sign}${h}:${m}`;
}

export function formatEpochMillis(ms: number, pattern: string, timeZone = 'UTC'): string {
  const p = zoneParts(ms, timeZone);
  return tokens(pattern)
    .map((t) => {
      if (!t.letter) return t.text ?? '';
      const n = t.count;
      switch (t.letter) {
        case 'y':
        case 'u':
          return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        case 'M':
        case 'L':
          return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        case 'd':
          return pad(p.day, n);
        case 'D': {
          const dayOfYear = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
          return pad(dayOfYear, n);
        }
        case 'H':
          return pad(p.hour, n);
        case 'k':
          return pad(p.hour === 0 ? 24 : p.hour, n);
        case 'h':
          return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        case 'K':
          return pad(p.hour % 12, n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'S':
          return pad(p.ms, 3).padEnd(n, '0').slice(0, n);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'E':
          return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        case 'Z':
          return formatOffset(p.offsetMinutes, 'Z', n);
        case 'X':
          return formatOffset(p.offsetMinutes, 'X', n);
        case 'x':
          return formatOffset(p.offsetMinutes, 'x', n);
        case 'z':
          return n >= 4 ? timeZone : p.zoneName;
        case 'V':
          return timeZone;
        default:
          throw new Error(`Unknown pattern letter: ${t.letter}`);
      }
    })
    .join('');
}

/** Parses text written with a Java pattern (numeric fields, offsets and literals). */
export function parseFormattedToEpochMillis(text: string, pattern: string, timeZone = 'UTC'): number {
  const fields: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0 };
  let offset: number | undefined;
  let pm: boolean | undefined;
  let i = 0;
  const fail = () => new Error(`Text '${text}' could not be parsed with pattern '${pattern}' at index ${i}`);
  for (const t of tokens(pattern)) {
    if (!t.letter) {
      const literal = t.text ?? '';
      if (text.slice(i, i + literal.length) !== literal) throw fail();
      i += literal.length;
      continue;
    }
    if ('ZXx'.includes(t.letter)) {
      const match = /^(Z|[+-]\d{2}(?::?\d{2})?)/.exec(text.slice(i));
      if (!match) throw fail();
      offset = offsetMillis(match[1]);
      i += match[1].length;
    } else if (t.letter === 'a') {
      const marker = text.slice(i, i + 2).toUpperCase();
      if (marker !== 'AM' && marker !== 'PM') throw fail();
      pm = marker === 'PM';
      i += 2;
    } else if (t.letter === 'M' && t.count >= 3) {
      const index = MONTHS.findIndex((month) => text.slice(i).startsWith(t.count === 3 ? month.slice(0, 3) : month));
      if (index < 0) throw fail();
      fields.M = index + 1;
      i += t.count === 3 ? 3 : MONTHS[index].length;
    } else {
      const match = /^\d+/.exec(text.slice(i, i + Math.max(t.count, t.letter === 'y' && t.count !== 2 ? 9 : t.count)));
      if (!match) throw fail();
      const key = t.letter === 'h' || t.letter === 'k' ? 'H' : t.letter === 'u' ? 'y' : t.letter;
      let value = Number(match[0]);
      if (t.letter === 'S') value = Number(match[0].padEnd(3, '0').slice(0, 3));
      if (t.letter === 'y' && t.count === 2) value += 2000;
      fields[key] = value;
      i += match[0].length;
    }
  }
  if (i !== text.length) throw fail();
  if (pm !== undefined) fields.H = (fields.H % 12) + (pm ? 12 : 0);
  const local = Date.UTC(fields.y, fields.M - 1, fields.d, fields.H, fields.m, fields.s, fields.S);
  if (offset !== undefined) return local - offset;
  // No offset in the text: the wall time is in `timeZone`.
  const guess = local - zoneParts(local, timeZone).offsetMinutes * 60000;
  return local - zoneParts(guess, timeZone).offsetMinutes * 60000;
}
