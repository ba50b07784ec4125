// When an emailed event request takes place, as createEvent takes it: startsAt and endsAt as
// UTC instants, and the IANA time zone its invitations are written in. From the VEVENT's
// DTSTART and DTEND (or DURATION, RFC 5545 section 3.6.1):
// - TZID naming an IANA zone: the local time in that zone (Node's tz data), and that zone;
// - another TZID (Outlook's Windows names, vendor prefixes): the calendar's own VTIMEZONE,
//   read by ical.js; the zone is its X-LIC-LOCATION when that is an IANA name, else UTC;
// - UTC (a trailing Z): that instant, shown in the calendar's X-WR-TIMEZONE if it names one, else UTC;
// - floating (no TZID, no Z) and all-day dates: local time in X-WR-TIMEZONE, else in UTC
//   (nothing else says where the organizer is). An all-day event runs midnight to midnight.
// No DTEND and no DURATION: a timed event ends when it starts and an all-day one a day later,
// as the RFC says; createEvent then refuses the former with its own reason.
import ICAL from 'ical.js';
import { isTimeZoneName } from '../../resolvers/lib/timeZones';
import { zonedInstant } from './zonedInstant';

export type RequestTimes = { startsAt: string; endsAt: string; timeZone: string } | { problem: string };

const UTC = 'UTC';
const DAY_SECONDS = 86_400;

export function requestTimes(vevent: ICAL.Component, calendar: ICAL.Component): RequestTimes {
  const dtstart = vevent.getFirstProperty('dtstart');
  const start = dtstart?.getFirstValue();
  if (!dtstart || !(start instanceof ICAL.Time)) return { problem: 'the event has no DTSTART: when does it start?' };
  const defaultZone = iana(calendar.getFirstPropertyValue('x-wr-timezone'));

  const startZone = zoneOf(dtstart, calendar, defaultZone);
  if ('problem' in startZone) return startZone;
  const startsAtMs = instantOf(start, startZone);

  let endsAtMs: number;
  const dtend = vevent.getFirstProperty('dtend');
  const end = dtend?.getFirstValue();
  const duration = vevent.getFirstPropertyValue('duration');
  if (dtend && end instanceof ICAL.Time) {
    const endZone = zoneOf(dtend, calendar, defaultZone);
    if ('problem' in endZone) return endZone;
    endsAtMs = instantOf(end, endZone);
  } else if (duration instanceof ICAL.Duration) {
    endsAtMs = startsAtMs + duration.toSeconds() * 1000;
  } else {
    endsAtMs = startsAtMs + (start.isDate ? DAY_SECONDS * 1000 : 0);
  }
  if (!Number.isFinite(startsAtMs) || !Number.isFinite(endsAtMs)) return { problem: 'DTSTART or DTEND is not a date-time' };
  return { startsAt: new Date(startsAtMs).toISOString(), endsAt: new Date(endsAtMs).toISOString(), timeZone: startZone.display };
}

/** How one property's local time becomes an instant, and the zone shown to attendees. */
type Zone = { display: string } & ({ by: 'utc' } | { by: 'iana'; name: string } | { by: 'vtimezone'; timezone: ICAL.Timezone });

function zoneOf(property: ICAL.Property, calendar: ICAL.Component, defaultZone: string | null): Zone | { problem: string } {
  const value = property.getFirstValue() as ICAL.Time;
  const tzid = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid.trim() && !value.isDate) {
    const name = tzid.trim();
    if (isTimeZoneName(name)) return { by: 'iana', name, display: name };
    const vtimezone = calendar.getAllSubcomponents('vtimezone').find((c) => String(c.getFirstPropertyValue('tzid') ?? '').trim() === name);
    if (!vtimezone) return { problem: `the time zone ${JSON.stringify(name)} is neither an IANA name nor defined by a VTIMEZONE in the calendar` };
    return { by: 'vtimezone', timezone: new ICAL.Timezone(vtimezone), display: iana(vtimezone.getFirstPropertyValue('x-lic-location')) ?? UTC };
  }
  if (value.zone === ICAL.Timezone.utcTimezone) return { by: 'utc', display: defaultZone ?? UTC };
  return defaultZone ? { by: 'iana', name: defaultZone, display: defaultZone } : { by: 'utc', display: UTC };
}

function instantOf(time: ICAL.Time, zone: Zone): number {
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
  switch (zone.by) {
    case 'utc':
      return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    case 'iana':
      return zonedInstant(wall, zone.name);
    case 'vtimezone': {
      const local = time.clone();
      local.zone = zone.timezone;
      return local.toUnixTime() * 1000;
    }
  }
}

function iana(value: unknown): string | null {
  const name = typeof value === 'string' ? value.trim() : '';
  return name && isTimeZoneName(name) ? name : null;
}
