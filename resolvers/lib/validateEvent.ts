// Rules for the details of an event, as plain data in and violations out, so that the same
// rules run in APPSYNC_JS resolvers and in Node (tests, Lambdas). Times arrive as epoch
// milliseconds: parsing needs `util.time`, which only the resolver may call.
import type { CreateEventInput } from '../../generated/graphql';
import { isTimeZoneName } from './timeZones';

export const EVENT_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 8000,
  locationMaxLength: 500,
  notesMaxLength: 2000,
  /** 9999-12-31T23:59:59.999Z: ISO 8601 strings stop sorting as instants after year 9999. */
  latestInstantMs: 253402300799999,
} as const;

/** Longest reason cancelEvent keeps (it goes into the cancellation mail). */
export const CANCEL_REASON_MAX_LENGTH = 500;

export type Violation = { field: string; message: string };

export type EventInstants = { startsAtMs: number; endsAtMs: number; nowMs: number };

export function eventInputViolations(input: CreateEventInput, instants: EventInstants): Violation[] {
  const violations: Violation[] = [];
  const title = input.title.trim();
  if (title.length === 0) {
    violations.push({ field: 'input.title', message: 'title must not be blank' });
  } else if (title.length > EVENT_LIMITS.titleMaxLength) {
    violations.push({
      field: 'input.title',
      message: `title must be at most ${EVENT_LIMITS.titleMaxLength} characters (got ${title.length})`,
    });
  }
  const description = input.description ?? '';
  if (description.length > EVENT_LIMITS.descriptionMaxLength) {
    violations.push({
      field: 'input.description',
      message: `description must be at most ${EVENT_LIMITS.descriptionMaxLength} characters (got ${description.length})`,
    });
  }
  const location = input.location ?? '';
  if (location.length > EVENT_LIMITS.locationMaxLength) {
    violations.push({
      field: 'input.location',
      message: `location must be at most ${EVENT_LIMITS.locationMaxLength} characters (got ${location.length})`,
    });
  }
  const notes = input.notes ?? '';
  if (notes.length > EVENT_LIMITS.notesMaxLength) {
    violations.push({
      field: 'input.notes',
      message: `notes must be at most ${EVENT_LIMITS.notesMaxLength} characters (got ${notes.length})`,
    });
  }
  if (!isTimeZoneName(input.timeZone)) {
    violations.push({
      field: 'input.timeZone',
      message: `timeZone "${input.timeZone}" is not an IANA time zone name such as Europe/Paris or America/New_York`,
    });
  }
  if (instants.startsAtMs <= instants.nowMs) {
    violations.push({ field: 'input.startsAt', message: 'startsAt must be in the future' });
  } else if (instants.startsAtMs > EVENT_LIMITS.latestInstantMs) {
    violations.push({ field: 'input.startsAt', message: 'startsAt must be before the year 10000' });
  }
  if (instants.endsAtMs <= instants.startsAtMs) {
    violations.push({ field: 'input.endsAt', message: 'endsAt must be after startsAt' });
  } else if (instants.endsAtMs > EVENT_LIMITS.latestInstantMs) {
    violations.push({ field: 'input.endsAt', message: 'endsAt must be before the year 10000' });
  }
  return violations;
}

/** One sentence naming every violation, for the GraphQL error message. */
export function describeViolations(violations: Violation[]): string {
  return `Invalid input: ${violations.map((v) => v.message).join('; ')}`;
}

/** Optional text: trimmed, and null when nothing is left. */
export function optionalText(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return text.length === 0 ? null : text;
}
