import { TIME_ZONE_NAMES } from './timeZoneNames.generated';

/** True for an IANA time zone name (a zone or a backward-compatible link), case-sensitive. */
export function isTimeZoneName(name: string): boolean {
  return name.length > 0 && name.indexOf(' ') < 0 && TIME_ZONE_NAMES.includes(` ${name} `);
}
