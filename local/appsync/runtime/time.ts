// util.time: ISO 8601 and epoch conversions, and formatting or parsing with Java
// DateTimeFormatter patterns in a zone (`yyyy-MM-dd HH:mm:ssZ`, `Europe/Paris`, `+08:00`),
// as AppSync's Java runtime does. UTC when no zone is given.
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
import { formatInstant, parseToEpochMillis } from './javaDateTimeFormat';
import { parseOffsetSeconds, resolveZone } from './javaZone';

// ISO_DATE_TIME with an offset: seconds and fraction optional, an optional [Zone/Id] after it.
const ISO_INSTANT = /^([+-]?\d{4,9})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)(?:\[([^\]]+)\])?$/i;

export function parseISO8601ToEpochMilliSeconds(text: string): number {
  const match = ISO_INSTANT.exec(String(text));
  if (!match) throw new Error(`Text '${text}' could not be parsed as an ISO 8601 date-time`);
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset, zone] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const check = new Date(0);
  check.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  if (
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    throw new Error(`Text '${text}' could not be parsed: invalid date or time`);
  }
  if (zone !== undefined) resolveZone(zone);
  const seconds = offset.toUpperCase() === 'Z' ? 0 : parseOffsetSeconds(offset);
  if (seconds === undefined) throw new Error(`Text '${text}' could not be parsed: invalid offset ${offset}`);
  check.setUTCHours(Number(hour), Number(minute), Number(second), ms);
  return check.getTime() - seconds * 1000;
}

/** `2018-02-06T19:01:35.749Z`: UTC with milliseconds, as the page's examples print instants. */
export function epochMilliSecondsToISO8601(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatEpochMillis(ms: number, pattern: string, timeZone = 'UTC'): string {
  return formatInstant(Number(ms), pattern, timeZone ?? 'UTC');
}

export function parseFormattedToEpochMillis(text: string, pattern: string, timeZone = 'UTC'): number {
  return parseToEpochMillis(text, pattern, timeZone ?? 'UTC');
}
