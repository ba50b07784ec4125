// When an event happens, in words, in the event's own time zone: "Tue Mar 10, 2026
// 14:00–15:30". Assembled from numbers (zonedTime.ts), not from Intl's locale formats, whose
// spacing changes between ICU versions.
import { utcOffsetSeconds, wallClock, type WallClock } from '../calendar/zonedTime';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export type EventTimes = { startsAt: string; endsAt: string; timeZone: string };

/** "Tue Mar 10, 2026 14:00–15:30", or "Tue Mar 10, 2026 22:00 – Wed Mar 11, 2026 02:00" across days. */
export function eventWhen(event: EventTimes): string {
  const start = wallClock(event.timeZone, Date.parse(event.startsAt));
  const end = wallClock(event.timeZone, Date.parse(event.endsAt));
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  return sameDay ? `${day(start)} ${time(start)}–${time(end)}` : `${day(start)} ${time(start)} – ${day(end)} ${time(end)}`;
}

/** "Europe/Paris, UTC+01:00"; both offsets when the event spans a change ("UTC+02:00 to UTC+01:00"); "UTC" for UTC. */
export function eventZone(event: EventTimes): string {
  const from = utcOffsetSeconds(event.timeZone, Date.parse(event.startsAt));
  const to = utcOffsetSeconds(event.timeZone, Date.parse(event.endsAt));
  if (event.timeZone === 'UTC' && from === 0 && to === 0) return 'UTC';
  const offsets = from === to ? offsetLabel(from) : `${offsetLabel(from)} to ${offsetLabel(to)}`;
  return `${event.timeZone}, ${offsets}`;
}

/** "UTC+05:30", "UTC-04:00", "UTC+00:00". */
export function offsetLabel(seconds: number): string {
  const abs = Math.abs(seconds);
  return `UTC${seconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}

function day(wall: WallClock): string {
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${MONTHS[wall.month - 1]} ${wall.day}, ${wall.year}`;
}

function time(wall: WallClock): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
