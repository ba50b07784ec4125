// The VTIMEZONE for a TZID (RFC 5545 section 3.6.5), derived from the tz data in Node's ICU
// (Intl) for the years around the event. This module is the one place that knows where zone
// rules come from: a package with ready-made VTIMEZONEs would replace it, same signature.
//
// What is written, for the years from the one before the event's start to the one after its end:
// - DST zones on a steady yearly rule (Europe/Paris: last Sunday of March and of October) get
//   one DAYLIGHT and one STANDARD observance with RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..
//   starting at the first transition of the window. That is the shape Google and Outlook
//   write, and Outlook reads no other reliably: it ignores RDATE lists and explicit
//   observances (iCalcreator/iCalcreator#86 and #106), and wants BYDAY in the rule
//   (skarim/vobject#151).
// - Zones with no transition in the window (Asia/Kolkata) get one STANDARD observance.
// - Anything else (a rule change inside the window, a rule that is not "nth weekday of the
//   month": Israel's Friday before the last Sunday, Chile's Sunday on or after the 2nd) gets
//   one observance per transition plus one for the window's start: exact for every
//   RFC 5545 reader, a best effort for Outlook.
// Observances always begin before the event: a reader may take any earlier time at offset 0
// (ical.js does).
import { contentLine } from './contentLine';
import { localDateTime, utcOffset } from './dateTimeValue';
import { utcOffsetSeconds, wallClock, wallClockOf } from './zonedTime';

export type Observance = {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local time of the onset, in the offset in force before it. */
  start: string;
  offsetFrom: number;
  offsetTo: number;
  /** A yearly rule (`FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`), or none for a one-off onset. */
  rule?: string;
  name?: string;
};

type Transition = { at: number; from: number; to: number };

const DAY_MS = 86_400_000;
/** Transitions are looked for day by day; an offset that lasts less than a day can be missed. */
const SCAN_STEP_MS = DAY_MS;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

const cache = new Map<string, readonly Observance[]>();

/** The VTIMEZONE component's content lines (unfolded) for `tzid`, right for instants from `startMs` to `endMs`. */
export function vtimezoneLines(tzid: string, startMs: number, endMs: number): string[] {
  return [
    'BEGIN:VTIMEZONE',
    contentLine('TZID', {}, tzid),
    ...observances(tzid, startMs, endMs).flatMap((o) => [
      `BEGIN:${o.kind}`,
      contentLine('TZOFFSETFROM', {}, utcOffset(o.offsetFrom)),
      contentLine('TZOFFSETTO', {}, utcOffset(o.offsetTo)),
      ...(o.name ? [contentLine('TZNAME', {}, o.name)] : []),
      contentLine('DTSTART', {}, o.start),
      ...(o.rule ? [contentLine('RRULE', {}, o.rule)] : []),
      `END:${o.kind}`,
    ]),
    'END:VTIMEZONE',
  ];
}

/** The observances for the calendar years from the one before `startMs` to the one after `endMs`. */
export function observances(tzid: string, startMs: number, endMs: number): readonly Observance[] {
  const firstYear = new Date(startMs).getUTCFullYear() - 1;
  const lastYear = new Date(endMs).getUTCFullYear() + 1;
  const key = `${tzid}|${firstYear}|${lastYear}`;
  let found = cache.get(key);
  if (!found) {
    found = deriveObservances(tzid, firstYear, lastYear);
    cache.set(key, found);
  }
  return found;
}

function deriveObservances(tzid: string, firstYear: number, lastYear: number): Observance[] {
  const from = Date.UTC(firstYear, 0, 1);
  const to = Date.UTC(lastYear + 1, 0, 1);
  const transitions = findTransitions(tzid, from, to);
  const initialOffset = utcOffsetSeconds(tzid, from);
  if (transitions.length === 0) {
    return [{ kind: 'STANDARD', start: localDateTime(wallClock(tzid, from)), offsetFrom: initialOffset, offsetTo: initialOffset, name: zoneAbbreviation(tzid, from) }];
  }
  return yearlyRules(tzid, transitions, firstYear, lastYear) ?? oneOffs(tzid, transitions, from, initialOffset);
}

/** Every change of offset in [from, to): a day-by-day scan, then a binary search to the second. */
function findTransitions(tzid: string, from: number, to: number): Transition[] {
  const transitions: Transition[] = [];
  let at = from;
  let offset = utcOffsetSeconds(tzid, at);
  while (at < to) {
    const next = Math.min(at + SCAN_STEP_MS, to);
    const nextOffset = utcOffsetSeconds(tzid, next);
    if (nextOffset === offset) {
      at = next;
      continue;
    }
    let lo = at;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (utcOffsetSeconds(tzid, mid) === offset) lo = mid;
      else hi = mid;
    }
    const to_ = utcOffsetSeconds(tzid, hi);
    transitions.push({ at: hi, from: offset, to: to_ });
    at = hi;
    offset = to_;
  }
  return transitions;
}

type Onset = { transition: Transition; year: number; month: number; weekday: number; day: number; time: string; local: string };

/** Two yearly rules (one up, one down), when every year of the window follows them; otherwise undefined. */
function yearlyRules(tzid: string, transitions: Transition[], firstYear: number, lastYear: number): Observance[] | undefined {
  const onsets = transitions.map(onsetOf);
  const ups = onsets.filter((o) => o.transition.to > o.transition.from);
  const downs = onsets.filter((o) => o.transition.to < o.transition.from);
  const years = lastYear - firstYear + 1;
  if (ups.length !== years || downs.length !== years) return undefined;
  for (let year = firstYear; year <= lastYear; year += 1) {
    if (ups.filter((o) => o.year === year).length !== 1 || downs.filter((o) => o.year === year).length !== 1) return undefined;
  }
  const upRule = ruleOf(ups);
  const downRule = ruleOf(downs);
  if (!upRule || !downRule) return undefined;
  const up = ups[0]!;
  const down = downs[0]!;
  const observed: Observance[] = [
    { kind: 'DAYLIGHT', start: up.local, offsetFrom: up.transition.from, offsetTo: up.transition.to, rule: upRule, name: zoneAbbreviation(tzid, up.transition.at) },
    { kind: 'STANDARD', start: down.local, offsetFrom: down.transition.from, offsetTo: down.transition.to, rule: downRule, name: zoneAbbreviation(tzid, down.transition.at) },
  ];
  return observed.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The RRULE that every onset follows: same offsets, month, weekday and local time, and the
 * same week of the month (1st-4th, or the last: BYDAY=-1SU). Undefined when they differ.
 */
function ruleOf(onsets: Onset[]): string | undefined {
  const first = onsets[0]!;
  const same = onsets.every(
    (o) => o.transition.from === first.transition.from && o.transition.to === first.transition.to && o.month === first.month && o.weekday === first.weekday && o.time === first.time,
  );
  if (!same) return undefined;
  const daysIn = (o: Onset) => new Date(Date.UTC(o.year, o.month, 0)).getUTCDate();
  let week: number | undefined;
  if (onsets.every((o) => o.day + 7 > daysIn(o))) week = -1;
  else if (onsets.every((o) => Math.ceil(o.day / 7) === Math.ceil(first.day / 7) && first.day <= 28)) week = Math.ceil(first.day / 7);
  if (week === undefined) return undefined;
  return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${week}${WEEKDAYS[first.weekday]}`;
}

/** One observance for the window's start and one for each transition: exact, if not compact. */
function oneOffs(tzid: string, transitions: Transition[], from: number, initialOffset: number): Observance[] {
  const first = transitions[0]!;
  return [
    { kind: first.to < first.from ? 'DAYLIGHT' : 'STANDARD', start: localDateTime(wallClock(tzid, from)), offsetFrom: initialOffset, offsetTo: initialOffset, name: zoneAbbreviation(tzid, from) },
    ...transitions.map((t): Observance => ({
      kind: t.to > t.from ? 'DAYLIGHT' : 'STANDARD',
      start: onsetOf(t).local,
      offsetFrom: t.from,
      offsetTo: t.to,
      name: zoneAbbreviation(tzid, t.at),
    })),
  ];
}

/** The onset as the wall clock showed it just before the change (RFC 5545: DTSTART in TZOFFSETFROM). */
function onsetOf(transition: Transition): Onset {
  const msAsUtc = transition.at + transition.from * 1000;
  const wall = wallClockOf(msAsUtc);
  const local = localDateTime(wall);
  return { transition, year: wall.year, month: wall.month, day: wall.day, weekday: new Date(msAsUtc).getUTCDay(), time: local.slice(9), local };
}

/**
 * TZNAME, when CLDR has a letters-only abbreviation for the zone at that instant (EST, CEST,
 * BST, GMT); absent otherwise ("GMT+11" is no name). TZNAME is optional and only shown.
 */
function zoneAbbreviation(tzid: string, ms: number): string | undefined {
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: tzid, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,6}$/.test(name)) return name;
  }
  return undefined;
}
