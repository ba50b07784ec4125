// Time zones as java.time.ZoneId.of reads them: "Z", fixed offsets ("+8", "+08:00",
// "-07:00:30", "+0800"), "UTC"/"GMT"/"UT" alone or with an offset ("UTC+8", "GMT-05:30"),
// and IANA region ids ("Europe/Paris"). Region offsets come from Intl.
// https://docs.oracle.com/javase/8/docs/api/java/time/ZoneId.html#of-java.lang.String-
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time.html (zone "-07:00:30")

export type Zone = {
  /** The id as Java normalizes it: "Z", "+08:00", "-07:00:30", "UTC", "UTC+08:00", "Europe/Paris". */
  readonly id: string;
  /** Set for zones with one offset for all time. */
  readonly fixedSeconds?: number;
};

const MAX_OFFSET_SECONDS = 18 * 3600;
const OFFSET = /^([+-])(?:(\d{1,2})|(\d{2}):(\d{2})(?::(\d{2}))?|(\d{2})(\d{2})(\d{2})?)$/;

/** ZoneOffset.of: ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, ±hhmmss within ±18:00. */
export function parseOffsetSeconds(text: string): number | undefined {
  const m = OFFSET.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2] ?? m[3] ?? m[6]);
  const minutes = Number(m[4] ?? m[7] ?? 0);
  const seconds = Number(m[5] ?? m[8] ?? 0);
  if (minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total > MAX_OFFSET_SECONDS) return undefined;
  return m[1] === '-' ? -total : total;
}

/** ZoneOffset's id: "Z", "+08:00", "-07:00:30". */
export function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const abs = Math.abs(seconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor(abs / 60) % 60).padStart(2, '0');
  const ss = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}

const regionFormatters = new Map<string, Intl.DateTimeFormat>();

function regionFormatter(id: string): Intl.DateTimeFormat | undefined {
  let formatter = regionFormatters.get(id);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  regionFormatters.set(id, formatter);
  return formatter;
}

/** ZoneId.of(id); throws as Java does for an unknown or malformed id. */
export function resolveZone(text: string): Zone {
  const id = String(text);
  if (id === 'Z') return { id: 'Z', fixedSeconds: 0 };
  if (id.startsWith('+') || id.startsWith('-')) {
    const seconds = parseOffsetSeconds(id);
    if (seconds === undefined) throw new Error(`Invalid ID for ZoneOffset, invalid format: ${id}`);
    return { id: offsetId(seconds), fixedSeconds: seconds };
  }
  const prefixed = /^(UTC|GMT|UT)(?:([+-].*))?$/.exec(id);
  if (prefixed) {
    if (prefixed[2] === undefined) return { id: prefixed[1], fixedSeconds: 0 };
    const seconds = parseOffsetSeconds(prefixed[2]);
    if (seconds === undefined) throw new Error(`Invalid ID for offset-based ZoneId: ${id}`);
    return { id: seconds === 0 ? prefixed[1] : `${prefixed[1]}${offsetId(seconds)}`, fixedSeconds: seconds };
  }
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) throw new Error(`Invalid ID for region-based ZoneId, invalid format: ${id}`);
  if (!regionFormatter(id)) throw new Error(`Unknown time-zone ID: ${id}`);
  return { id };
}

/** The zone's offset from UTC, in seconds, at the instant `ms`. */
export function offsetSecondsAt(zone: Zone, ms: number): number {
  if (zone.fixedSeconds !== undefined) return zone.fixedSeconds;
  const parts = Object.fromEntries(regionFormatter(zone.id)!.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(2000, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const shifted = new Date(wall);
  shifted.setUTCFullYear(year);
  return Math.round((shifted.getTime() - Math.floor(ms / 1000) * 1000) / 1000);
}

/**
 * The instant of a wall-clock time in a zone, as ZonedDateTime.ofLocal resolves it: in an
 * overlap the earlier offset, in a gap the time moved forward by the length of the gap.
 */
export function instantOfLocal(zone: Zone, localMs: number): number {
  if (zone.fixedSeconds !== undefined) return localMs - zone.fixedSeconds * 1000;
  const day = 86_400_000;
  const before = offsetSecondsAt(zone, localMs - day);
  const after = offsetSecondsAt(zone, localMs + day);
  const valid = [...new Set([before, after])].filter((o) => offsetSecondsAt(zone, localMs - o * 1000) === o).sort((a, b) => b - a);
  return localMs - (valid.length > 0 ? valid[0] : before) * 1000;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's short ("CEST") or long ("Central European Summer Time") name at `ms`, from Intl. */
export function zoneName(zone: Zone, ms: number, style: 'short' | 'long'): string {
  if (zone.fixedSeconds !== undefined) {
    if (zone.id === 'UTC' || zone.id === 'GMT' || zone.id === 'UT') return style === 'long' ? (zone.id === 'GMT' ? 'Greenwich Mean Time' : 'Coordinated Universal Time') : zone.id;
    return zone.id;
  }
  const name = (kind: 'short' | 'long') => {
    const key = `${zone.id}/${kind}`;
    let formatter = nameFormatters.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: kind });
      nameFormatters.set(key, formatter);
    }
    return formatter.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? zone.id;
  };
  const long = name('long');
  if (style === 'long') return long;
  const short = name('short');
  // Intl's en-US lacks most non-American abbreviations ("GMT+2"); Java's are the initials of
  // the long name ("Central European Summer Time" is CEST, "Japan Standard Time" JST).
  if (!/^GMT[+-]/.test(short) || /^GMT/.test(long)) return short;
  return long.split(/\s+/).map((word) => word[0]).join('').toUpperCase();
}
