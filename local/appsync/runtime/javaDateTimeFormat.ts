// java.time.format.DateTimeFormatter.ofPattern(pattern) (locale en-US, ISO chronology,
// SMART resolving) for util.time: formatting an instant in a zone and parsing text back.
// https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html ("Patterns for Formatting and Parsing")
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
import { instantOfLocal, offsetSecondsAt, parseOffsetSeconds, resolveZone, zoneName, type Zone } from './javaZone';

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string } | { kind: 'optional'; tokens: Token[] };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const QUARTERS = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];

// Largest count of each pattern letter (DateTimeFormatterBuilder.parsePattern).
const MAX_COUNT: Record<string, number> = {
  G: 5, u: 19, y: 19, Y: 19, Q: 5, q: 5, M: 5, L: 5, w: 2, W: 1, d: 2, D: 3, F: 1, E: 5, e: 5, c: 5,
  a: 1, h: 2, K: 2, k: 2, H: 2, m: 2, s: 2, S: 9, A: 19, n: 19, N: 19, V: 2, z: 4, O: 4, X: 5, x: 5, Z: 5,
};

const compiled = new Map<string, Token[]>();

export function compilePattern(pattern: string): Token[] {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  let i = 0;
  const read = (closing: boolean): Token[] => {
    const out: Token[] = [];
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === "'") {
        const end = pattern.indexOf("'", i + 1);
        if (end < 0) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
        out.push({ kind: 'literal', text: end === i + 1 ? "'" : pattern.slice(i + 1, end).replace(/''/g, "'") });
        i = end + 1;
        // '' inside a quoted literal is a quote: 'o''clock'
        while (pattern[i] === "'" && pattern.indexOf("'", i + 1) > i) {
          const next = pattern.indexOf("'", i + 1);
          (out[out.length - 1] as { text: string }).text += `'${pattern.slice(i + 1, next)}`;
          i = next + 1;
        }
      } else if (c === '[') {
        i += 1;
        out.push({ kind: 'optional', tokens: read(true) });
      } else if (c === ']') {
        if (!closing) throw new Error(`Pattern invalid as it contains ] without previous [: ${pattern}`);
        i += 1;
        return out;
      } else if (/[A-Za-z]/.test(c)) {
        let j = i;
        while (pattern[j] === c) j += 1;
        const count = j - i;
        if (!(c in MAX_COUNT)) throw new Error(`Unknown pattern letter: ${c}`);
        if (count > MAX_COUNT[c] || (c === 'V' && count !== 2) || (c === 'O' && count !== 1 && count !== 4)) {
          throw new Error(`Too many pattern letters: ${c}`);
        }
        out.push({ kind: 'field', letter: c, count });
        i = j;
      } else if (c === '{' || c === '}' || c === '#') {
        throw new Error(`Pattern includes reserved character: '${c}'`);
      } else {
        out.push({ kind: 'literal', text: c });
        i += 1;
      }
    }
    return out;
  };
  const tokens = read(false);
  compiled.set(pattern, tokens);
  return tokens;
}

// ---- formatting ---------------------------------------------------------------------------

type Moment = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  milli: number;
  /** ISO: 1 = Monday ... 7 = Sunday */
  dayOfWeek: number;
  dayOfYear: number;
  offset: number;
  zone: Zone;
  ms: number;
};

function moment(ms: number, zone: Zone): Moment {
  const offset = offsetSecondsAt(zone, ms);
  const d = new Date(ms + offset * 1000);
  const startOfYear = new Date(0);
  startOfYear.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  const midnight = new Date(0);
  midnight.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    milli: d.getUTCMilliseconds(),
    dayOfWeek: ((d.getUTCDay() + 6) % 7) + 1,
    dayOfYear: Math.round((midnight.getTime() - startOfYear.getTime()) / 86_400_000) + 1,
    offset,
    zone,
    ms,
  };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** en-US week rules (WeekFields.of(Locale.US)): weeks start on Sunday, week 1 holds January 1st. */
function usWeek(m: Moment): { weekBasedYear: number; week: number } {
  const sundayBased = (isoDow: number) => isoDow % 7; // 0 = Sunday
  const dayNumber = (y: number, month: number, day: number) => {
    const d = new Date(0);
    d.setUTCFullYear(y, month - 1, day);
    return Math.floor(d.getTime() / 86_400_000);
  };
  const today = dayNumber(m.year, m.month, m.day);
  const weekStart = today - sundayBased(m.dayOfWeek);
  const nextJan1 = dayNumber(m.year + 1, 1, 1);
  if (weekStart + 6 >= nextJan1) return { weekBasedYear: m.year + 1, week: 1 };
  const jan1 = dayNumber(m.year, 1, 1);
  const jan1Dow = ((((jan1 + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday (Sunday-based 4)
  return { weekBasedYear: m.year, week: Math.floor((today - jan1 + jan1Dow) / 7) + 1 };
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}

/** Years: 'yy' keeps two digits; four or more letters pad and sign years that exceed them. */
function yearText(value: number, count: number): string {
  if (count === 2) return pad(((value % 100) + 100) % 100, 2);
  const text = pad(value, count === 1 ? 1 : count);
  return count >= 4 && value > 0 && String(value).length > count ? `+${text}` : text;
}

function text(full: string, count: number): string {
  return count === 4 ? full : count === 5 ? full[0] : full.slice(0, 3);
}

function offsetText(seconds: number, letter: string, count: number): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '-' : '+';
  const hh = Math.floor(abs / 3600);
  const mm = Math.floor(abs / 60) % 60;
  const ss = abs % 60;
  const H = pad(hh, 2);
  const M = pad(mm, 2);
  const S = pad(ss, 2);
  if (letter === 'O' || (letter === 'Z' && count === 4)) {
    if (seconds === 0) return 'GMT';
    if (letter === 'O' && count === 1) return `GMT${sign}${hh}${mm || ss ? `:${M}` : ''}${ss ? `:${S}` : ''}`;
    return `GMT${sign}${H}:${M}${ss ? `:${S}` : ''}`;
  }
  if (letter === 'Z') {
    if (count === 5) return seconds === 0 ? 'Z' : `${sign}${H}:${M}${ss ? `:${S}` : ''}`;
    return `${sign}${H}${M}`;
  }
  if (letter === 'X' && seconds === 0) return 'Z';
  switch (count) {
    case 1:
      return `${sign}${H}${mm ? M : ''}`;
    case 2:
      return `${sign}${H}${M}`;
    case 3:
      return `${sign}${H}:${M}`;
    case 4:
      return `${sign}${H}${M}${ss ? S : ''}`;
    default:
      return `${sign}${H}:${M}${ss ? `:${S}` : ''}`;
  }
}

function field(m: Moment, letter: string, count: number): string {
  const fraction = pad(m.milli, 3) + '000000';
  switch (letter) {
    case 'G':
      return count === 4 ? (m.year > 0 ? 'Anno Domini' : 'Before Christ') : count === 5 ? (m.year > 0 ? 'A' : 'B') : m.year > 0 ? 'AD' : 'BC';
    case 'u':
      return yearText(m.year, count);
    case 'y':
      return yearText(m.year > 0 ? m.year : 1 - m.year, count);
    case 'Y':
      return yearText(usWeek(m).weekBasedYear, count);
    case 'Q':
    case 'q': {
      const q = Math.floor((m.month - 1) / 3) + 1;
      return count <= 2 ? pad(q, count) : count === 3 ? `Q${q}` : count === 4 ? QUARTERS[q - 1] : String(q);
    }
    case 'M':
    case 'L':
      return count <= 2 ? pad(m.month, count) : text(MONTHS[m.month - 1], count);
    case 'w':
      return pad(usWeek(m).week, count);
    case 'W': {
      const firstDow = (((m.dayOfWeek - (m.day - 1)) % 7) + 7) % 7; // Sunday-based day of the 1st
      return String(Math.floor((m.day - 1 + firstDow) / 7) + 1);
    }
    case 'd':
      return pad(m.day, count);
    case 'D':
      return pad(m.dayOfYear, count);
    case 'F':
      return String(((m.day - 1) % 7) + 1);
    case 'E':
      return text(DAYS[m.dayOfWeek - 1], count <= 3 ? 3 : count);
    case 'e':
    case 'c':
      return count <= 2 ? pad((m.dayOfWeek % 7) + 1, count) : text(DAYS[m.dayOfWeek - 1], count);
    case 'a':
      return m.hour < 12 ? 'AM' : 'PM';
    case 'h':
      return pad(m.hour % 12 === 0 ? 12 : m.hour % 12, count);
    case 'K':
      return pad(m.hour % 12, count);
    case 'k':
      return pad(m.hour === 0 ? 24 : m.hour, count);
    case 'H':
      return pad(m.hour, count);
    case 'm':
      return pad(m.minute, count);
    case 's':
      return pad(m.second, count);
    case 'S':
      return fraction.slice(0, count);
    case 'A':
      return pad(((m.hour * 60 + m.minute) * 60 + m.second) * 1000 + m.milli, count);
    case 'n':
      return pad(m.milli * 1_000_000, count);
    case 'N':
      return pad((((m.hour * 60 + m.minute) * 60 + m.second) * 1000 + m.milli) * 1_000_000, count);
    case 'V':
      return m.zone.id;
    case 'z':
      return zoneName(m.zone, m.ms, count === 4 ? 'long' : 'short');
    default:
      return offsetText(m.offset, letter, count);
  }
}

function render(tokens: Token[], m: Moment): string {
  return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'optional' ? render(t.tokens, m) : field(m, t.letter, t.count))).join('');
}

/** DateTimeFormatter.ofPattern(pattern).format(instant.atZone(zone)) */
export function formatInstant(ms: number, pattern: string, zoneId = 'UTC'): string {
  return render(compilePattern(String(pattern)), moment(ms, resolveZone(zoneId)));
}

// ---- parsing ------------------------------------------------------------------------------

type Parsed = Partial<Record<'year' | 'yearOfEra' | 'era' | 'month' | 'day' | 'dayOfYear' | 'hour' | 'hour12' | 'pm' | 'minute' | 'second' | 'nano' | 'offset', number>> & { zone?: Zone };

class ParseError extends Error {}

const FIXED_WIDTH = (t: Token) => t.kind === 'field' && isNumeric(t) && t.count > 1 && !'yuY'.includes(t.letter);

function isNumeric(t: { letter: string; count: number }): boolean {
  return 'yuYdDHhKkmsSnNAFwW'.includes(t.letter) || ('MLQqec'.includes(t.letter) && t.count <= 2);
}

function readTokens(tokens: Token[], input: string, start: number, out: Parsed): number {
  let i = start;
  tokens.forEach((t, k) => {
    if (t.kind === 'literal') {
      if (!input.startsWith(t.text, i)) throw new ParseError(`literal '${t.text}' expected`);
      i += t.text.length;
    } else if (t.kind === 'optional') {
      const copy = { ...out };
      try {
        i = readTokens(t.tokens, input, i, copy);
        Object.assign(out, copy);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    } else {
      i = readField(t, input, i, out, tokens.slice(k + 1));
    }
  });
  return i;
}

function readNumber(t: { letter: string; count: number }, input: string, i: number, following: Token[]): [number, number, string] {
  const signed = 'yuY'.includes(t.letter) && /[+-]/.test(input[i] ?? '');
  const from = signed ? i + 1 : i;
  const run = /^\d*/.exec(input.slice(from))![0];
  let width: number;
  if (t.count > 1 && !('yuY'.includes(t.letter) && t.count !== 2)) width = t.count;
  else {
    // Adjacent value parsing: leave the digits that the following fixed-width fields need.
    let reserved = 0;
    for (const next of following) {
      if (!FIXED_WIDTH(next)) break;
      reserved += (next as { count: number }).count;
    }
    width = Math.min(run.length - reserved, 19);
    if ('yuY'.includes(t.letter) && t.count >= 4 && width < t.count) width = -1;
  }
  if (width <= 0 || run.length < width) throw new ParseError(`${t.letter} expects digits`);
  const digits = run.slice(0, width);
  const sign = signed && input[i] === '-' ? -1 : 1;
  return [sign * Number(digits), from + width, digits];
}

function readField(t: { letter: string; count: number }, input: string, i: number, out: Parsed, following: Token[]): number {
  const rest = input.slice(i);
  const pick = (names: string[], count: number): [number, number] => {
    const forms = names.map((n) => (count === 4 ? n : count === 5 ? n[0] : n.slice(0, 3)));
    const index = forms.findIndex((f) => rest.startsWith(f));
    if (index < 0) throw new ParseError(`${t.letter} text expected`);
    return [index, i + forms[index].length];
  };
  if (isNumeric(t)) {
    const [value, next, digits] = readNumber(t, input, i, following);
    switch (t.letter) {
      case 'y':
        out.yearOfEra = t.count === 2 ? 2000 + value : value;
        break;
      case 'u':
      case 'Y':
        out.year = t.count === 2 ? 2000 + value : value;
        break;
      case 'M':
      case 'L':
        out.month = value;
        break;
      case 'd':
        out.day = value;
        break;
      case 'D':
        out.dayOfYear = value;
        break;
      case 'H':
      case 'k':
        out.hour = t.letter === 'k' && value === 24 ? 0 : value;
        break;
      case 'h':
      case 'K':
        out.hour12 = value % 12;
        break;
      case 'm':
        out.minute = value;
        break;
      case 's':
        out.second = value;
        break;
      case 'S':
        out.nano = Number(digits.padEnd(9, '0'));
        break;
      case 'n':
        out.nano = value;
        break;
      default:
        break; // week, quarter and day-of-week numbers are read but not used to resolve
    }
    return next;
  }
  switch (t.letter) {
    case 'M':
    case 'L': {
      const [index, next] = pick(MONTHS, t.count);
      out.month = index + 1;
      return next;
    }
    case 'E':
    case 'e':
    case 'c':
      return pick(DAYS, t.count <= 3 ? 3 : t.count)[1];
    case 'Q':
    case 'q':
      return pick(t.count === 3 ? ['Q1', 'Q2', 'Q3', 'Q4'] : QUARTERS, 4)[1];
    case 'a': {
      if (!rest.startsWith('AM') && !rest.startsWith('PM')) throw new ParseError('AM or PM expected');
      out.pm = rest.startsWith('PM') ? 1 : 0;
      return i + 2;
    }
    case 'G': {
      const [index, next] = pick(t.count === 4 ? ['Before Christ', 'Anno Domini'] : ['BC', 'AD'], t.count === 5 ? 5 : 4);
      out.era = index;
      return next;
    }
    case 'V':
    case 'z': {
      const m = /^(?:[A-Za-z][A-Za-z0-9~/._+-]*|[+-][\d:]+)/.exec(rest);
      if (!m) throw new ParseError('zone expected');
      try {
        out.zone = resolveZone(m[0]);
      } catch {
        throw new ParseError(`unknown zone ${m[0]}`);
      }
      return i + m[0].length;
    }
    default: {
      // Offsets: X x Z O
      if ((t.letter === 'X' || (t.letter === 'Z' && t.count === 5)) && rest.startsWith('Z')) {
        out.offset = 0;
        return i + 1;
      }
      let from = i;
      if (t.letter === 'O' || (t.letter === 'Z' && t.count === 4)) {
        if (!rest.startsWith('GMT')) throw new ParseError('GMT expected');
        from += 3;
        if (!/^[+-]/.test(input.slice(from))) {
          out.offset = 0;
          return from;
        }
      }
      const m = /^[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?/.exec(input.slice(from));
      const seconds = m ? parseOffsetSeconds(m[0].length === 2 ? `${m[0][0]}0${m[0][1]}` : m[0]) : undefined;
      if (!m || seconds === undefined) throw new ParseError('offset expected');
      out.offset = seconds;
      return from + m[0].length;
    }
  }
}

const daysInMonth = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/**
 * Parses `text` with a Java pattern into epoch milliseconds. The zone is the parsed offset or
 * zone if the text has one, else `zoneId`. Fields the pattern lacks default to 1970-01-01 and
 * midnight (java.time would refuse such text; AppSync's behaviour there is not documented).
 */
export function parseToEpochMillis(text: string, pattern: string, zoneId = 'UTC'): number {
  const input = String(text);
  const p: Parsed = {};
  let end: number;
  try {
    end = readTokens(compilePattern(String(pattern)), input, 0, p);
    if (end !== input.length) throw new ParseError('unparsed text found');
  } catch (error) {
    if (error instanceof ParseError) throw new Error(`Text '${input}' could not be parsed with pattern '${pattern}': ${error.message}`);
    throw error;
  }
  const fail = (why: string): never => {
    throw new Error(`Text '${input}' could not be parsed: ${why}`);
  };
  let year = p.year ?? (p.yearOfEra !== undefined ? (p.era === 0 ? 1 - p.yearOfEra : p.yearOfEra) : 1970);
  let month = p.month ?? 1;
  let day = p.day ?? 1;
  if (p.dayOfYear !== undefined && p.month === undefined) {
    const d = new Date(0);
    d.setUTCFullYear(year, 0, p.dayOfYear);
    [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  if (month < 1 || month > 12) fail(`Invalid value for MonthOfYear: ${month}`);
  if (day < 1 || day > 31) fail(`Invalid value for DayOfMonth: ${day}`);
  day = Math.min(day, daysInMonth(year, month)); // SMART resolving clamps 30 February to its last day
  let hour = p.hour ?? (p.hour12 !== undefined ? p.hour12 + (p.pm ? 12 : 0) : 0);
  if (p.hour === undefined && p.hour12 === undefined && p.pm) hour = 12;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (hour > 24 || (hour === 24 && (minute || second || p.nano))) fail(`Invalid value for HourOfDay: ${hour}`);
  if (minute > 59) fail(`Invalid value for MinuteOfHour: ${minute}`);
  if (second > 59) fail(`Invalid value for SecondOfMinute: ${second}`);
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Math.floor((p.nano ?? 0) / 1_000_000));
  if (p.offset !== undefined) return local.getTime() - p.offset * 1000;
  return instantOfLocal(p.zone ?? resolveZone(zoneId), local.getTime());
}
